/// Evaluation of everything about one zone: supervision, recording, separation, occupancy,
/// watch and rounds, environment and vital signs.
extension CustodyEngine {
    mutating func evaluateZone(_ id: ZoneID, _ next: inout NextChange) {
        guard let zone = index.zones[id] else { return }
        let occupants = zonePeople[id] ?? []
        let sorted = occupants.count > 1 ? occupants.sorted() : Array(occupants)
        let persons = sorted.compactMap { people[$0] }
        checkSupervision(zone, persons, &next)
        checkSeparation(zone, persons, &next)
        checkOccupancy(zone, persons, &next)
        checkWatch(zone, persons, &next)
        checkEnvironment(zone, occupied: !persons.isEmpty, &next)
    }

    func isRecording(_ zone: ZoneID) -> Bool {
        index.recordersByZone[zone]?.contains { runningRecorders.contains($0) && !offlineDevices.contains($0) } ?? false
    }

    func isReaderOffline(in zone: ZoneID) -> Bool {
        !offlineDevices.isEmpty && (index.readersByZone[zone]?.contains { offlineDevices.contains($0) } ?? false)
    }

    func hasFemaleOfficer(in zone: ZoneID?) -> Bool {
        guard let zone, let officers = zoneOfficers[zone] else { return false }
        return officers.contains { index.officers[$0]?.sex == .female }
    }

    /// SUP-01 and REC-01: an occupied interview room needs two officers and a running recorder.
    private mutating func checkSupervision(_ zone: StationLayout.Zone, _ persons: [Person], _ next: inout NextChange) {
        let active = zone.kind == .interview && !persons.isEmpty
        let officers = zoneOfficers[zone.id]?.count ?? 0
        let officersKey = AlertKey(.sup01, "officers", zone: zone.id)
        let short = graced(officersKey, active: active && officers < parameters.officersRequired, grace: parameters.supervisionGrace, &next)
        reconcile(
            officersKey,
            short
                ? Finding(
                    level: .alarm, message: "interview room \(zone.id) has \(officers) officer(s); \(parameters.officersRequired) required",
                    facts: [Fact("officers", "\(officers)"), Fact("people", persons.map(\.id.rawValue).joined(separator: ","))])
                : nil, &next)
        let recorderKey = AlertKey(.rec01, "recorder", zone: zone.id)
        let gap = graced(recorderKey, active: active && !isRecording(zone.id), grace: parameters.recorderGrace, &next)
        reconcile(
            recorderKey,
            gap
                ? Finding(
                    level: .alarm, message: "interview room \(zone.id) is occupied and not recording",
                    facts: [Fact("people", persons.map(\.id.rawValue).joined(separator: ","))])
                : nil, &next)
    }

    /// SEP-01: co-suspects apart; in holding rooms, men apart from women and minors from adults.
    private mutating func checkSeparation(_ zone: StationLayout.Zone, _ persons: [Person], _ next: inout NextChange) {
        var cases: [CaseID: [PersonID]] = [:]
        var together: [PersonID] = []
        if persons.count > 1 {
            for person in persons where person.role == .suspect {
                if let caseID = person.caseID { cases[caseID, default: []].append(person.id) }
            }
            for caseID in cases.keys.sorted() where cases[caseID]!.count > 1 { together += cases[caseID]! }
        }
        let coKey = AlertKey(.sep01, "co_suspects", zone: zone.id)
        let coSuspects = graced(coKey, active: !together.isEmpty, grace: parameters.separationGrace, &next)
        reconcile(
            coKey,
            coSuspects
                ? Finding(
                    level: .alarm, message: "co-suspects together in \(zone.id): \(together.map(\.rawValue).joined(separator: ", "))",
                    facts: [Fact("people", together.map(\.rawValue).joined(separator: ","))])
                : nil, &next)
        let holding = zone.kind == .holding && persons.count > 1
        let mixedSex = holding && persons.contains { $0.sex == .male } && persons.contains { $0.sex == .female }
        reconcile(
            AlertKey(.sep01, "mixed_sex", zone: zone.id),
            mixedSex
                ? Finding(level: .alarm, message: "men and women together in holding room \(zone.id)", facts: [Fact("people", persons.map(\.id.rawValue).joined(separator: ","))])
                : nil, &next)
        let minors = persons.filter { $0.isMinor(parameters) }
        let mixedAge = holding && !minors.isEmpty && minors.count < persons.count
        reconcile(
            AlertKey(.sep01, "minor_with_adult", zone: zone.id),
            mixedAge
                ? Finding(level: .alarm, message: "a minor is held with adults in \(zone.id)", facts: [Fact("minors", minors.map(\.id.rawValue).joined(separator: ","))])
                : nil, &next)
    }

    /// The capacity of a holding room: its configured capacity (default 1), at most floor(area / 6 m²).
    func capacity(of zone: StationLayout.Zone) -> Int {
        var capacity = zone.capacity ?? parameters.defaultHoldingCapacity
        if let area = zone.area { capacity = min(capacity, max(1, Int(area / parameters.areaPerPerson))) }
        return capacity
    }

    /// OCC-01.
    private mutating func checkOccupancy(_ zone: StationLayout.Zone, _ persons: [Person], _ next: inout NextChange) {
        let capacity = zone.kind == .holding ? capacity(of: zone) : Int.max
        reconcile(
            AlertKey(.occ01, "capacity", zone: zone.id),
            persons.count > capacity
                ? Finding(level: .alarm, message: "holding room \(zone.id) holds \(persons.count), capacity \(capacity)", facts: [Fact("count", "\(persons.count)"), Fact("capacity", "\(capacity)")])
                : nil, &next)
    }

    /// SUP-03: an occupied holding room needs an officer at its watch post and regular rounds.
    private mutating func checkWatch(_ zone: StationLayout.Zone, _ persons: [Person], _ next: inout NextChange) {
        let occupied = zone.kind == .holding && !persons.isEmpty
        let postKey = AlertKey(.sup03, "watch_post", zone: zone.id)
        var unwatched = false
        if occupied, let post = zone.watchPost {
            unwatched = graced(postKey, active: (zoneOfficers[post]?.isEmpty ?? true), grace: parameters.watchPostGrace, &next)
        } else {
            _ = graced(postKey, active: false, grace: .zero, &next)
        }
        reconcile(
            postKey,
            unwatched
                ? Finding(level: .alarm, message: "no officer at the watch post of \(zone.id)", facts: [Fact("post", zone.watchPost?.rawValue ?? "")])
                : nil, &next)
        var roundLevel: AlertLevel?
        var due = now
        if occupied, let since = occupiedSince[zone.id] {
            let base = max(since, lastRound[zone.id] ?? since)
            let interval = persons.contains { $0.isHighRisk(parameters) } ? parameters.roundIntervalHighRisk : parameters.roundInterval
            due = base + interval
            let late = due + interval
            next.consider(due)
            next.consider(late)
            roundLevel = now >= late ? .alarm : (now >= due ? .warn : nil)
        }
        reconcile(
            AlertKey(.sup03, "round", zone: zone.id),
            roundLevel.map {
                Finding(level: $0, message: "round of \(zone.id) overdue since \(due.milliseconds)", facts: [Fact("due", "\(due.milliseconds)")])
            }, &next)
    }
}
