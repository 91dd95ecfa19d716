internal import DeviceProfiles
internal import Yams

extension StationParser {
    func parseDoors(_ node: Node?) {
        for item in items(node, "doors") {
            let map = item.map
            map.checkKeys(required: ["id", "between", "device"], optional: ["unlock", "position", "bond", "readers", "note"], diagnostics: diagnostics)
            let between = parseBetween(map["between"], map.field("between"))
            _ = read.string(map["note"], map.field("note"))
            guard let device = device(map["device"], map.field("device"), kinds: [.door], role: "a door's lock") else { continue }
            let id = device.device.id
            if let use = deviceUse[id] {
                diagnostics.report(map["device"], map.field("device"), "device '\(id)' already locks \(use.owner) (line \(use.node.mark?.line ?? 0))")
                continue
            }
            if let node = map["device"] { deviceUse[id] = ("door '\(item.id)'", node) }
            let unlock = unlockCommand(map["unlock"], map.field("unlock"), device: device, owner: map.node)
            let position = doorPoint(map["position"], map.field("position"), device: device, default: "door_closed", owner: map.node)
            let bondDefault = unlock.flatMap { device.profile.command(named: $0)?.verify?.point } ?? "bond_sensor"
            let bond = doorPoint(map["bond"], map.field("bond"), device: device, default: bondDefault, owner: map.node)
            let readers = doorReaders(map["readers"], map.field("readers"))
            guard let between, let unlock, let position, let bond else { continue }
            doors.append(StationDoor(
                id: item.id, between: between, device: id, unlockCommand: unlock, positionPoint: position, bondPoint: bond,
                readers: readers, location: diagnostics.location(of: map.node)))
        }
    }

    /// The access readers beside a door; a reader may also be a zone's reader.
    private func doorReaders(_ node: Node?, _ field: String) -> [String] {
        guard let node, let list = read.sequence(node, field) else { return [] }
        return list.compactMap { device($0, field, kinds: [.reader], role: "a door's reader")?.device.id }
    }

    private func parseBetween(_ node: Node?, _ field: String) -> [String]? {
        guard let list = read.sequence(node, field) else { return nil }
        guard list.count == 2 else {
            diagnostics.report(node, field, "expected the two zones the door joins, got \(list.count)")
            return nil
        }
        let zones = list.compactMap { zoneReference($0, field, allowOutside: true) }
        guard zones.count == 2 else { return nil }
        guard zones[0] != zones[1] else {
            diagnostics.report(list[1], field, "a door joins two different zones, got '\(zones[0])' twice")
            return nil
        }
        return zones
    }

    /// The unlock command: a device-timed pulse, so a lost link never leaves the door open.
    private func unlockCommand(_ node: Node?, _ field: String, device: ParsedDevice, owner: Node) -> String? {
        let name = node == nil ? "unlock" : read.string(node, field)
        guard let name else { return nil }
        let profile = device.profile
        guard let command = profile.command(named: name) else {
            let names = profile.commands.map(\.name).joined(separator: ", ")
            diagnostics.report(node ?? owner, field, "profile '\(profile.id)' has no command '\(name)' (it has: \(names))")
            return nil
        }
        guard command.isUnlock, command.pulse != nil else {
            diagnostics.report(
                node ?? owner, field, "command '\(name)' of profile '\(profile.id)' is not an unlock pulse timed by the device")
            return nil
        }
        return name
    }

    private func doorPoint(_ node: Node?, _ field: String, device: ParsedDevice, default name: String, owner: Node) -> String? {
        let chosen = node == nil ? name : read.string(node, field)
        guard let chosen, boolPoint(chosen, of: device, node: node ?? owner, field) else { return nil }
        return chosen
    }

    func parseRecorders(_ node: Node?) {
        for item in items(node, "recorders") {
            let map = item.map
            map.checkKeys(required: ["id", "room", "source"], optional: ["note"], diagnostics: diagnostics)
            _ = read.string(map["note"], map.field("note"))
            var room = map["room"].flatMap { zoneReference($0, map.field("room")) }
            if let id = room, let kind = declaredZoneKinds[id], kind != ZoneKind.interview.rawValue {
                diagnostics.report(map["room"], map.field("room"), "zone '\(id)' is \(kind), not an interview room")
                room = nil
            }
            let source: StationRecorder.Source? =
                switch map["source"] {
                case let node? where node.scalar?.string == "api": .api
                case let node? where node.mapping != nil:
                    pointReference(node, map.field("source"), kinds: [.io, .smokeMonitor, .door, .reader], role: "a recorder")
                        .map { .point($0) }
                case let node?:
                    reportSource(node, map.field("source"))
                case nil: nil
                }
            guard let room, let source else { continue }
            recorders.append(StationRecorder(id: item.id, room: room, source: source, location: diagnostics.location(of: map.node)))
        }
    }

    private func reportSource(_ node: Node, _ field: String) -> StationRecorder.Source? {
        diagnostics.report(node, field, "expected 'api' or {device: ID, point: NAME}")
        return nil
    }

    func parseFire(_ node: Node) -> FireSettings? {
        guard let map = MappingView(node, path: "fire", diagnostics: diagnostics) else { return nil }
        map.checkKeys(required: ["alarm"], optional: ["release_confirmed"], diagnostics: diagnostics)
        let kinds: [DeviceKind] = [.smokeMonitor, .io]
        let alarm = map["alarm"].flatMap { pointReference($0, "fire.alarm", kinds: kinds, role: "the fire alarm") }
        let confirmed = map["release_confirmed"].flatMap {
            pointReference($0, "fire.release_confirmed", kinds: kinds, role: "the release confirmation")
        }
        guard let alarm, map["release_confirmed"] == nil || confirmed != nil else { return nil }
        return FireSettings(alarm: alarm, releaseConfirmed: confirmed)
    }
}
