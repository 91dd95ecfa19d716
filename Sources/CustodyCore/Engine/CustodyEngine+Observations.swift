/// Handling of field observations: each updates the model and marks what it may change.
extension CustodyEngine {
    mutating func handle(_ observation: Observation) -> Rejection? {
        switch observation {
        case .tagSeen(let tag, let zone):
            let wristband = wristbands.index(forKey: tag)
            if let wristband, lostTagCount == 0, Self.read(&wristbands.values[wristband], { $0.zone == zone }) {
                // A re-report where the wearer already is (a zone the layout names, or they would not
                // be in it) changes nothing.
                return nil
            }
            guard index.zoneInfo[zone]?.zone != nil else { return Rejection(.unknownZone, "no zone \(zone) in the station layout") }
            if let officer = index.officerByTag[tag] {
                move(officer: officer, to: zone)
            } else if let wristband {
                let id = Self.read(&wristbands.values[wristband]) { $0.person }
                if lostTagCount > 0, tags[tag]?.lost == true {
                    tags[tag]?.lost = false
                    lostTagCount -= 1
                    touch(.tag(tag))
                }
                // Read and change the person in place: a re-report of a wristband copies nothing.
                if let slot = people.index(forKey: id) {
                    if !person(at: slot).seenOnce {
                        people.values[slot].person.seenOnce = true
                        people.values[slot].person.clockStart = min(person(at: slot).clockStart, now)
                        touch(.person(id))
                    }
                    move(person: id, at: slot, to: zone)
                }
            }
        case .tagLost(let tag):
            if let officer = index.officerByTag[tag] {
                move(officer: officer, to: nil)
            } else if wristbands[tag] != nil {
                if tags[tag]?.lost != true { lostTagCount += 1 }
                tags[tag, default: TagState()].lost = true
                touch(.tag(tag))
            }
        case .strap(let tag, let opened):
            tags[tag, default: TagState()].strapOpen = opened
            touch(.tag(tag))
        case .tagBattery(let tag, let percent):
            tags[tag, default: TagState()].batteryPercent = percent
            touch(.tag(tag))
        case .accessRequest(let tag, let door):
            guard let layoutDoor = index.doors[door] else { return Rejection(.unknownZone, "no door \(door) in the station layout") }
            decideAccess(tag: tag, door: layoutDoor)
        case .doorPosition(let door, let open):
            guard index.hasDoor(door) else { return Rejection(.unknownZone, "no door \(door) in the station layout") }
            var state = doors[door] ?? DoorState()
            if open && !state.open {
                state.openedAt = now
                if state.locked == true && !isFireActive { state.forced = true }
            } else if !open {
                state.openedAt = nil
                state.forced = false
            }
            state.open = open
            doors[door] = state
            touch(.door(door))
        case .lockState(let door, let locked):
            guard index.hasDoor(door) else { return Rejection(.unknownZone, "no door \(door) in the station layout") }
            doors[door, default: DoorState()].locked = locked
            touch(.door(door))
        case .sensor(let device, let quantity, let value):
            guard let zone = index.deviceZone[device] else { return Rejection(.unknownZone, "no sensor \(device) in the station layout") }
            sensors[device, default: SensorState()].record(quantity, value, at: now, window: parameters.co2MeanWindow)
            touch(.zone(zone), .environment)
        case .fire(let active):
            handleFire(active)
        case .recorder(let device, let running):
            if running { runningRecorders.insert(device) } else { runningRecorders.remove(device) }
            if let zone = index.deviceZone[device] {
                // A recorder counts only for REC-01 and the relaxed escort.
                let kind = index.kind(of: zone)
                if Self.isSupervised(kind) { touch(.zone(zone), .supervision) }
                if Self.recordersCount(in: kind) {
                    for person in zonePeople(zone) { touch(.person(person), .officers) }
                }
            }
        case .device(let device, let online):
            if online { offlineDevices.remove(device) } else { offlineDevices.insert(device) }
            touch(.device(device))
            if let zone = index.deviceZone[device], let info = index.zoneInfo[zone] {
                // An outage counts for the zone's sensor rules and for its recording (REC-01, and the
                // relaxed escort of its people). A reader's outage only notes "degraded" in the
                // message of an escort alert raised meanwhile, and its own alert reads where people are.
                touch(.zone(zone), Self.isSupervised(info.kind) ? [.environment, .supervision] : .environment)
                if Self.recordersCount(in: info.kind) && info.recorders.contains(device) {
                    for person in zonePeople(zone) { touch(.person(person), .officers) }
                }
            }
        }
        return nil
    }

    /// FIRE-01: the lock release was already emitted first by `apply`; here the head-count, and a
    /// re-evaluation of doors (read-back) and of anyone at the exits (ZONE-01 never alarms in a fire).
    private mutating func handleFire(_ active: Bool) {
        isFireActive = active
        if active { effects.append(.headCount(headCount())) }
        touch(.station)
        for door in index.doorOrder { touch(.door(door)) }
        for zone in index.exitZones {
            for person in zonePeople(zone) { touch(.person(person)) }
        }
    }

    /// FLOW-01 at the door: an officer's tag opens it unless someone beside it, bound for a holding or
    /// interview room, has not completed intake. Wristbands never open doors. In a fire every lock stays released and no door is held.
    private mutating func decideAccess(tag: TagID, door: StationLayout.Door) {
        guard let officer = index.officerByTag[tag] else {
            if isFireActive { return }
            effects.append(.door(.keepLocked(door: door.id, reason: "a wristband cannot open a door")))
            return
        }
        if isFireActive {
            effects.append(.door(.unlock(door: door.id, officer: officer)))
            return
        }
        let restricted = door.zones.contains { index.kind(of: $0)?.requiresIntake == true }
        var waiting: [PersonID] = []
        if restricted {
            for zone in door.zones where index.kind(of: zone)?.requiresIntake != true {
                for id in zonePeople(zone) where people[id]?.person.intakeComplete == false { waiting.append(id) }
            }
        }
        if waiting.isEmpty {
            effects.append(.door(.unlock(door: door.id, officer: officer)))
        } else {
            let names = waiting.sorted().map(\.rawValue).joined(separator: ", ")
            effects.append(.door(.keepLocked(door: door.id, reason: "intake not complete for \(names)")))
        }
    }
}
