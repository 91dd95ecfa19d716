/// Where people and officers are: zone membership kept consistent in both directions.
extension CustodyEngine {
    /// Moves a person to `zone` (or nowhere), updating occupancy, questioning and holding history.
    mutating func move(person id: PersonID, to zone: ZoneID?) {
        guard let slot = people.index(forKey: id) else { return }
        move(person: id, at: slot, to: zone)
    }

    /// `move(person:to:)` for the person at `slot` of `people`, already looked up. The person is changed
    /// in place: a copy held while changing it would make the change copy the person's shared fields.
    mutating func move(person id: PersonID, at slot: [PersonID: PersonEntry].Index, to zone: ZoneID?) {
        let from = person(at: slot).zone
        guard from != zone else { return }
        var fromKind: ZoneKind?
        if let from, let place = zones.index(forKey: from) {
            fromKind = self.zone(at: place) { $0.info.kind }
            zones.values[place].people.remove(id)
            do {
                // A copy held past this block would make the next change copy the person.
                let leaving = person(at: slot)
                zones.values[place].tally.remove(leaving, parameters)
            }
            if self.zone(at: place, { $0.people.isEmpty }) {
                zones.values[place].tally = ZoneTally()
                zones.values[place].occupiedSince = nil
                zones.values[place].lastRound = nil
                touch(.zone(from))
            } else {
                touch(.zone(from), .occupants)
            }
            if fromKind == .interview { people.values[slot].person.lastLeftInterview = now }
        }
        if let zone, let place = zones.index(forKey: zone) {
            let wasEmpty = self.zone(at: place) { $0.people.isEmpty }
            if wasEmpty { zones.values[place].occupiedSince = now }
            zones.values[place].people.insert(id)
            do {
                let entering = person(at: slot)
                zones.values[place].tally.add(entering, parameters)
            }
            touch(.zone(zone), wasEmpty ? .all : .occupants)
            let kind = self.zone(at: place) { $0.info.kind }
            people.values[slot].person.enter(kind, from: fromKind, at: now, parameters)
        }
        people.values[slot].person.zone = zone
        people.values[slot].person.zoneSince = zone == nil ? nil : now
        if let tag = person(at: slot).tag, let wristband = wristbands.index(forKey: tag) {
            wristbands.values[wristband].zone = zone
        }
        touch(.person(id), [.presence, .officers])
        if !offlineDevices.isEmpty {
            if let from { touchOfflineReaders(in: from) }
            if let zone { touchOfflineReaders(in: zone) }
        }
    }

    /// The wristbands whose entry disagrees with their wearer (a wearer who is unknown, released,
    /// wears another tag or is in another zone): none, unless a move failed to keep them in step.
    /// The tests check it after every step of their histories.
    func wristbandsOutOfStep() -> [TagID] {
        wristbands.compactMap { tag, band in
            guard let wearer = people[band.person]?.person else { return tag }
            return !wearer.isReleased && wearer.tag == tag && wearer.zone == band.zone ? nil : tag
        }.sorted()
    }

    /// Marks the offline readers of a zone, whose alert says whether the zone is occupied.
    private mutating func touchOfflineReaders(in zone: ZoneID) {
        for device in index.zoneInfo[zone]?.readers ?? [] where offlineDevices.contains(device) { touch(.device(device)) }
    }

    /// Moves an officer to `zone` (or out of every zone, when their tag is lost).
    mutating func move(officer id: OfficerID, to zone: ZoneID?) {
        let from = officerZone[id]
        guard from != zone else { return }
        if let from {
            changeZone(from) { $0.officers.remove(id) }
            officerZone.removeValue(forKey: id)
            touchAround(from)
        }
        if let zone {
            changeZone(zone) { $0.officers.insert(id) }
            officerZone[id] = zone
            touchAround(zone)
        }
    }

    /// Marks the rules that count officers: a zone's supervision (of an interview room), its
    /// occupants' escort and protection (where either can ask for an officer), and the watch of the
    /// holding rooms watched from it.
    private mutating func touchAround(_ zone: ZoneID) {
        guard let place = zones.index(forKey: zone) else { return }
        // The occupants only where officers count for them, so that elsewhere their set is not copied.
        let (info, occupants) = self.zone(at: place) { entry in
            (entry.info, Self.officersCount(in: entry.info.kind, entry.tally) ? entry.people : nil)
        }
        if Self.isSupervised(info.kind) { touch(.zone(zone), .supervision) }
        for person in occupants ?? [] { touch(.person(person), .officers) }
        for watched in info.watched { touch(.zone(watched), .watch) }
    }
}

extension Person {
    /// Notes entering a zone of `kind` from one of `previous`: questioning starts (or resumes, after
    /// a break shorter than the rule's), the first holding entry, and the end of a trip out of the area.
    fileprivate mutating func enter(_ kind: ZoneKind?, from previous: ZoneKind?, at now: Timestamp, _ parameters: RuleParameters) {
        if kind == .interview {
            let resumed = lastLeftInterview.map { now - $0 < parameters.questioningBreak } ?? false
            if !resumed || questioningSince == nil { questioningSince = now }
        }
        if kind == .holding && firstHoldingEntry == nil { firstHoldingEntry = now }
        if kind != .exit && previous == .exit { outOfAreaApproved = false }
    }
}
