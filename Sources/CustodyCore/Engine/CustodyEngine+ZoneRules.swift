/// Evaluation of everything about one zone: supervision, recording, separation, occupancy,
/// watch and rounds, environment and vital signs.
extension CustodyEngine {
    /// Evaluates the zone at `slot` of `zones`, whose target state is in `scope`.
    mutating func evaluateZone(at slot: [ZoneID: ZoneEntry].Index, _ families: RuleFamilies, _ next: inout NextChange) {
        let (info, tally) = self.zone(at: slot) { ($0.info, $0.tally) }
        guard let zone = info.zone else { return }
        let known = scope.families
        let run = known == nil ? RuleFamilies.all : families
        var found = known ?? FamilyDeadlines()
        if run.contains(.supervision) {
            var part = NextChange(after: now)
            checkSupervision(zone, info, tally, officers: self.zone(at: slot) { $0.officers.count }, &part)
            found[0] = part.time
        }
        if run.contains(.separation) {
            var part = NextChange(after: now)
            checkSeparation(zone, tally, &part)
            found[1] = part.time
        }
        if run.contains(.occupancy) {
            var part = NextChange(after: now)
            checkOccupancy(zone, tally, &part)
            found[2] = part.time
        }
        if run.contains(.watch) {
            var part = NextChange(after: now)
            let (occupiedSince, lastRound) = self.zone(at: slot) { ($0.occupiedSince, $0.lastRound) }
            checkWatch(zone, tally, occupiedSince: occupiedSince, lastRound: lastRound, &part)
            found[3] = part.time
        }
        if run.contains(.environment) {
            var part = NextChange(after: now)
            checkEnvironment(zone, info, occupied: tally.count > 0, &part)
            found[4] = part.time
        }
        for slot in 0..<5 { next.consider(found[slot]) }
        scope.families = found
    }

    // `mutating` only so that a rule's call reads the engine in place: a non-mutating method called
    // from a mutating one is handed a copy of the whole engine (960 bytes) on every call.
    mutating func isRecording(_ zone: ZoneInfo) -> Bool {
        !runningRecorders.isEmpty && zone.recorders.contains { runningRecorders.contains($0) && !offlineDevices.contains($0) }
    }

    mutating func isReaderOffline(in zone: ZoneInfo) -> Bool {
        !offlineDevices.isEmpty && zone.readers.contains { offlineDevices.contains($0) }
    }

    mutating func hasFemaleOfficer(in zone: ZoneID?) -> Bool {
        guard let zone, let officers = readZone(zone, { $0.officers }) else { return false }
        return officers.contains { index.officerSex[$0] == .female }
    }

    /// The number of officers in `zone`, read in place.
    mutating func officerCount(in zone: ZoneID) -> Int {
        readZone(zone) { $0.officers.count } ?? 0
    }

    /// The people in a zone, sorted, for an alert's facts (only built when an alert is due).
    private func names(in zone: ZoneID, where include: (Person) -> Bool = { _ in true }) -> String {
        (zones[zone]?.people ?? []).sorted().filter { people[$0].map { include($0.person) } ?? false }.map(\.rawValue).joined(separator: ",")
    }

    /// Whether a zone of `kind` has supervision rules (the `supervision` group: SUP-01 and REC-01),
    /// which are the interview room's: elsewhere its officers and recorders count for none of its own
    /// rules, and their moves and starts re-evaluate nothing of the zone.
    static func isSupervised(_ kind: ZoneKind?) -> Bool { kind == .interview }

    /// SUP-01 and REC-01: an occupied interview room needs two officers and a running recorder.
    private mutating func checkSupervision(
        _ zone: StationLayout.Zone, _ info: ZoneInfo, _ tally: ZoneTally, officers: Int, _ next: inout NextChange
    ) {
        let active = Self.isSupervised(zone.kind) && tally.count > 0
        let short = graced(.sup01Officers, active: active && officers < parameters.officersRequired, grace: parameters.supervisionGrace, &next)
        reconcile(.sup01Officers, short ? .alarm : nil, &next) { [zoneID = zone.id] engine, level in
            Finding(
                level: level, message: "interview room \(zoneID) has \(officers) officer(s); \(engine.parameters.officersRequired) required",
                facts: [Fact("officers", "\(officers)"), Fact("people", engine.names(in: zoneID))])
        }
        let gap = graced(.rec01Recorder, active: active && !isRecording(info), grace: parameters.recorderGrace, &next)
        reconcile(.rec01Recorder, gap ? .alarm : nil, &next) { [zoneID = zone.id] engine, level in
            Finding(
                level: level, message: "interview room \(zoneID) is occupied and not recording",
                facts: [Fact("people", engine.names(in: zoneID))])
        }
    }

    /// SEP-01: co-suspects apart; in holding rooms, men apart from women and minors from adults.
    private mutating func checkSeparation(_ zone: StationLayout.Zone, _ tally: ZoneTally, _ next: inout NextChange) {
        let coSuspects = graced(.sep01CoSuspects, active: tally.crowdedCases > 0, grace: parameters.separationGrace, &next)
        var together = ""
        if coSuspects {
            together = names(in: zone.id) { person in
                person.role == .suspect && person.caseID.map { (tally.suspectsByCase[$0] ?? 0) > 1 } == true
            }
        }
        reconcile(.sep01CoSuspects, coSuspects ? .alarm : nil, &next) { [zoneID = zone.id] engine, level in
            Finding(
                level: level, message: "co-suspects together in \(zoneID): \(together)",
                facts: [Fact("people", together)])
        }
        let holding = zone.kind == .holding && tally.count > 1
        let mixedSex = holding && tally.male > 0 && tally.female > 0
        reconcile(.sep01MixedSex, mixedSex ? .alarm : nil, &next) { [zoneID = zone.id] engine, level in
            Finding(
                level: level, message: "men and women together in holding room \(zoneID)",
                facts: [Fact("people", engine.names(in: zoneID))])
        }
        let mixedAge = holding && tally.minors > 0 && tally.minors < tally.count
        reconcile(.sep01MinorWithAdult, mixedAge ? .alarm : nil, &next) { [zoneID = zone.id] engine, level in
            Finding(
                level: level, message: "a minor is held with adults in \(zoneID)",
                facts: [Fact("minors", engine.names(in: zoneID) { $0.isMinor(engine.parameters) })])
        }
    }

    /// The capacity of a holding room: its configured capacity (default 1), at most floor(area / 6 m²).
    func capacity(of zone: StationLayout.Zone) -> Int {
        var capacity = zone.capacity ?? parameters.defaultHoldingCapacity
        if let area = zone.area { capacity = min(capacity, max(1, Int(area / parameters.areaPerPerson))) }
        return capacity
    }

    /// OCC-01.
    private mutating func checkOccupancy(_ zone: StationLayout.Zone, _ tally: ZoneTally, _ next: inout NextChange) {
        let capacity = zone.kind == .holding ? capacity(of: zone) : Int.max
        reconcile(.occ01Capacity, tally.count > capacity ? .alarm : nil, &next) { [zoneID = zone.id] engine, level in
            Finding(
                level: level, message: "holding room \(zoneID) holds \(tally.count), capacity \(capacity)",
                facts: [Fact("count", "\(tally.count)"), Fact("capacity", "\(capacity)")])
        }
    }

    /// SUP-03: an occupied holding room needs an officer at its watch post and regular rounds.
    private mutating func checkWatch(
        _ zone: StationLayout.Zone, _ tally: ZoneTally, occupiedSince: Timestamp?, lastRound: Timestamp?,
        _ next: inout NextChange
    ) {
        let occupied = zone.kind == .holding && tally.count > 0
        var unwatched = false
        if occupied, let post = zone.watchPost {
            unwatched = graced(.sup03WatchPost, active: officerCount(in: post) == 0, grace: parameters.watchPostGrace, &next)
        } else {
            _ = graced(.sup03WatchPost, active: false, grace: .zero, &next)
        }
        reconcile(.sup03WatchPost, unwatched ? .alarm : nil, &next) { [post = zone.watchPost, zoneID = zone.id] engine, level in
            Finding(
                level: level, message: "no officer at the watch post of \(zoneID)",
                facts: [Fact("post", post?.rawValue ?? "")])
        }
        var roundLevel: AlertLevel?
        var due = now
        if occupied, let since = occupiedSince {
            let base = max(since, lastRound ?? since)
            let interval = tally.highRisk > 0 ? parameters.roundIntervalHighRisk : parameters.roundInterval
            due = base + interval
            let late = due + interval
            next.consider(due)
            next.consider(late)
            roundLevel = now >= late ? .alarm : (now >= due ? .warn : nil)
        }
        reconcile(.sup03Round, roundLevel, &next) { [zoneID = zone.id] engine, level in
            Finding(
                level: level, message: "round of \(zoneID) overdue since \(due.milliseconds)",
                facts: [Fact("due", "\(due.milliseconds)")])
        }
    }
}
