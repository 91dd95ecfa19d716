/// Read-only views of the state for the API, the journal's projections and tests.
extension CustodyEngine {
    /// A person by id, released or not.
    public func person(_ id: PersonID) -> Person? { people[id]?.person }

    /// The person in custody wearing `tag` now, if any (a dictionary lookup, for the shell's hot path).
    public func person(wearing tag: TagID) -> Person? {
        wristbands[tag].flatMap { people[$0.person]?.person }.flatMap { $0.isReleased || $0.tag != tag ? nil : $0 }
    }

    /// Everyone registered and not yet released, sorted by id.
    public var peopleInCustody: [Person] {
        people.values.lazy.map(\.person).filter { !$0.isReleased }.sorted { $0.id < $1.id }
    }

    /// Every open alert, sorted by key.
    public var openAlerts: [Alert] {
        alerts.keys.sorted().compactMap { alerts[$0] }
    }

    /// The number of open alerts.
    public var openAlertCount: Int { alerts.count }

    /// The open alert with this key, if any.
    public func alert(_ key: AlertKey) -> Alert? { alerts[key] }

    /// People in a zone, sorted by id.
    public func occupants(of zone: ZoneID) -> [PersonID] { (zones[zone]?.people ?? []).sorted() }

    /// Officers in a zone, sorted by id.
    public func officers(in zone: ZoneID) -> [OfficerID] { (zones[zone]?.officers ?? []).sorted() }

    /// The zone where an officer was last seen.
    public func zone(ofOfficer officer: OfficerID) -> ZoneID? { officerZone[officer] }

    /// People per occupied zone, sorted by zone.
    public var zoneOccupancy: [ZoneCount] {
        zones.compactMap { $0.value.people.isEmpty ? nil : ($0.key, $0.value.people.count) }
            .sorted { $0.0 < $1.0 }.map { ZoneCount(zone: $0.0, count: $0.1) }
    }

    /// The number of live deadlines (one per subject that has a pending change in time).
    public var pendingDeadlines: Int { deadlines.count }

    /// The running clocks of a person: the measure's clock, CLK-04, CLK-05 duties and the absolute clock.
    public func clocks(for id: PersonID) -> [ClockStatus] {
        guard let person = people[id]?.person, !person.isReleased else { return [] }
        var result: [ClockStatus] = []
        func add(_ rule: RuleID, _ condition: String, _ start: Timestamp, _ limit: TimeSpan, steps: [Timestamp]) {
            let end = start + limit
            let level = alerts[AlertKey(rule, condition, person: id)]?.level
            result.append(
                ClockStatus(
                    rule: rule, condition: condition, start: start, end: end, level: level, remaining: end - now,
                    nextStep: steps.filter { $0 > now }.min()))
        }
        func ladderSteps(_ start: Timestamp, _ limit: TimeSpan) -> [Timestamp] {
            let end = start + limit
            let lead = max(parameters.warnLeadMinimum, limit / parameters.warnLeadDivisor)
            return [end - lead, end - parameters.warn2Lead, end - parameters.criticalLead, end]
        }
        if let rule = person.measure.clockRule, rule != .clk05, let limit = person.limit {
            add(rule, "limit", person.measureStart, limit, steps: ladderSteps(person.measureStart, limit))
        }
        if person.isVulnerable(parameters) {
            let limit = parameters.vulnerableLimit
            add(.clk04, "limit", person.clockStart, limit, steps: ladderSteps(person.clockStart, limit))
        }
        if person.measure.clockRule == .clk05, let decided = person.detentionDecidedAt {
            for duty in DetentionDuty.allCases where !person.dutiesDone.contains(duty) {
                add(.clk05, duty.rawValue, decided, parameters.detentionDutyLimit,
                    steps: [decided + parameters.detentionDutyWarning, decided + parameters.detentionDutyLimit])
            }
        }
        let absolute = absoluteLimit(of: person)
        let absoluteEnd = person.clockStart + absolute
        add(.clk06, "absolute", person.clockStart, absolute,
            steps: [absoluteEnd - (parameters.absoluteLimit - parameters.absoluteWarning), absoluteEnd])
        return result
    }
}
