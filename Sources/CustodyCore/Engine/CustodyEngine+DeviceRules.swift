/// DEV-01 (device integrity) and FIRE-01 (fire), evaluated per door, tag, device and station.
extension CustodyEngine {
    mutating func evaluateStation(_ next: inout NextChange) {
        reconcile(.fire01Fire, isFireActive ? .alarm : nil, &next) { engine, level in
            Finding(
                level: level, message: "fire alarm: all locks released; muster and count heads",
                facts: [])
        }
    }

    mutating func evaluateDoor(_ id: DoorID, _ next: inout NextChange) {
        let state = doors[id] ?? DoorState()
        reconcile(.dev01DoorForced, state.forced && !isFireActive ? .alarm : nil, &next) { engine, level in
            Finding(
                level: level, message: "door \(id) opened while locked",
                facts: [Fact("opened_at", "\(state.openedAt?.milliseconds ?? 0)")])
        }
        var heldOpen = false
        if state.open, !isFireActive, let opened = state.openedAt {
            heldOpen = now >= opened + parameters.doorHeldOpenGrace
            next.consider(opened + parameters.doorHeldOpenGrace)
        }
        reconcile(.dev01DoorHeldOpen, heldOpen ? .warn : nil, &next) { engine, level in
            Finding(
                level: level, message: "door \(id) held open over \(engine.parameters.doorHeldOpenGrace)",
                facts: [Fact("opened_at", "\(state.openedAt?.milliseconds ?? 0)")])
        }
        // The release needs time to be read back: a lock still reading locked the moment the fire
        // starts is not yet a finding; one still reading locked `fireReleaseConfirm` later is.
        let notReleased = graced(.fire01LockNotReleased, active: isFireActive && state.locked == true, grace: parameters.fireReleaseConfirm, &next)
        reconcile(.fire01LockNotReleased, notReleased ? .alarm : nil, &next) { engine, level in
            Finding(
                level: level, message: "fire: lock of door \(id) still reads locked; release it by hand",
                facts: [])
        }
    }

    mutating func evaluateTag(_ id: TagID, _ next: inout NextChange) {
        let person = wristbands[id]?.person
        let state = person == nil ? TagState() : (tags[id] ?? TagState())
        let owner = [Fact("person", person?.rawValue ?? "")]
        reconcile(.dev01StrapOpened, state.strapOpen ? .alarm : nil, &next) { engine, level in
            Finding(
                level: level, message: "wristband \(id) of \(person?.rawValue ?? "") opened",
                facts: owner)
        }
        let unseen = graced(.dev01TagUnseen, active: state.lost, grace: parameters.tagUnseenGrace, &next)
        reconcile(.dev01TagUnseen, unseen ? .alarm : nil, &next) { engine, level in
            Finding(
                level: level, message: "wristband \(id) of \(person?.rawValue ?? "") unseen for over \(engine.parameters.tagUnseenGrace)",
                facts: owner)
        }
        let battery = state.batteryPercent
        reconcile(.dev01TagBattery, (battery ?? 100) < parameters.tagBatteryLowPercent ? .warn : nil, &next) { engine, level in
            Finding(
                level: level, message: "wristband \(id) battery at \(battery ?? 0) %",
                facts: owner + [Fact("percent", "\(battery ?? 0)")])
        }
    }

    mutating func evaluateDevice(_ id: DeviceID, _ next: inout NextChange) {
        let zone = index.deviceZone[id]
        let occupied = zone.map { !zonePeople($0).isEmpty } ?? false
        let isReader = zone.map { index.zoneInfo[$0]?.readers.contains(id) ?? false } ?? false
        let note = isReader && occupied ? "; escort and supervision checks in \(zone?.rawValue ?? "") are degraded" : ""
        reconcile(.dev01DeviceOffline, offlineDevices.contains(id) ? .alarm : nil, &next) { engine, level in
            Finding(
                level: level, message: "device \(id) offline\(note)",
                facts: [Fact("degraded", "\(!note.isEmpty)")])
        }
    }

    /// Wristbands per zone for the muster point, sorted by zone; unknown locations last.
    func headCount() -> [ZoneCount] {
        var counts: [ZoneID: Int] = [:]
        var unknown = 0
        for person in people.values.lazy.map(\.person) where !person.isReleased && person.tag != nil {
            if let zone = person.zone { counts[zone, default: 0] += 1 } else { unknown += 1 }
        }
        var result = counts.keys.sorted().map { ZoneCount(zone: $0, count: counts[$0]!) }
        if unknown > 0 { result.append(ZoneCount(zone: nil, count: unknown)) }
        return result
    }
}
