internal import DeviceProfiles
internal import Yams

extension StationParser {
    /// Settles each RTU bus's line: the one written, or the serial defaults its devices agree on.
    func finishBuses() -> [StationBus] {
        busOrder.compactMap { id -> StationBus? in
            guard let bus = buses[id] else { return nil }
            let location = diagnostics.location(of: bus.node)
            if let tcp = bus.tcp { return StationBus(id: id, link: .tcp(host: tcp.host, port: tcp.port), location: location) }
            guard let port = bus.port else { return nil }
            let onBus = deviceOrder.compactMap { devices[$0] }.filter { $0.device.bus == id }
            if let line = bus.line {
                let others = onBus.filter { $0.profile.serialDefaults.map { $0 != line } ?? false }
                if !others.isEmpty {
                    let ids = others.map(\.device.id).joined(separator: ", ")
                    let shipped = Set(others.compactMap(\.profile.serialDefaults)).map(Self.text).sorted().joined(separator: ", ")
                    diagnostics.warn(
                        bus.node, bus.path,
                        "\(ids) ship at \(shipped), the bus runs \(Self.text(line)): set them to the bus's line")
                }
                checkBudget(bus, line: line, devices: onBus)
                return StationBus(id: id, link: .rtu(port: port, line: line), location: location)
            }
            let lines = Set(onBus.compactMap(\.profile.serialDefaults))
            guard lines.count <= 1 else {
                let written = lines.map(Self.text).sorted().joined(separator: ", ")
                diagnostics.report(bus.node, "\(bus.path).rtu.line", "its devices ship at different lines (\(written)); set the bus's line")
                return nil
            }
            let line = lines.first ?? SerialSettings()
            checkBudget(bus, line: line, devices: onBus)
            return StationBus(id: id, link: .rtu(port: port, line: line), location: location)
        }
    }

    static func text(_ line: SerialSettings) -> String {
        "\(line.baud)-\(line.dataBits)\(line.parity.rawValue)\(line.stopBits)"
    }

    /// Fills in each interview room's recorder and each device's zone or door from what uses it, and
    /// reports a written `zone` or `door` that disagrees.
    func checkUse(fire: FireSettings?) {
        for index in zones.indices where zones[index].kind == .interview && zones[index].recorder == nil {
            zones[index].recorder = recorders.first { $0.room == zones[index].id }?.id
        }
        var firePoints = Set<String>()
        if let fire { firePoints = Set([fire.alarm.device] + (fire.releaseConfirmed.map { [$0.device] } ?? [])) }
        let recorderDevices = Set(recorders.compactMap { recorder -> String? in
            if case .point(let reference) = recorder.source { return reference.device }
            return nil
        })
        let zoneOf = zones.reduce(into: [String: String]()) { map, zone in
            for id in zone.readers + zone.sensors { map[id] = zone.id }
        }
        let doorOf = doors.reduce(into: [String: String]()) { $0[$1.device] = $1.id }
        let doorReaders = Set(doors.flatMap(\.readers))
        for id in deviceOrder {
            guard var parsed = devices[id] else { continue }
            if let zone = zoneOf[id] {
                if let written = parsed.device.zone, written != zone {
                    diagnostics.report(parsed.zoneNode, "\(parsed.path).zone", "zone '\(written)' disagrees with zone '\(zone)', which lists this device")
                }
                parsed.device.zone = zone
            }
            if let door = doorOf[id] {
                if let written = parsed.device.door, written != door {
                    diagnostics.report(parsed.doorNode, "\(parsed.path).door", "door '\(written)' disagrees with door '\(door)', which uses this device")
                }
                parsed.device.door = door
            } else if let written = parsed.device.door {
                diagnostics.report(parsed.doorNode, "\(parsed.path).door", "door '\(written)' does not use this device")
            }
            let used = zoneOf[id] != nil || doorOf[id] != nil || doorReaders.contains(id) || firePoints.contains(id) || recorderDevices.contains(id)
            if !used, parsed.profile.kind == .door || parsed.profile.kind == .reader {
                let role = parsed.profile.kind == .door ? "no door uses this door controller" : "no zone lists this reader"
                diagnostics.warn(parsed.node, parsed.path, role)
            }
            devices[id] = parsed
        }
    }

    /// Holding rooms need a watch post (SUP-03) and interview rooms a recorder (REC-01): both are
    /// errors, since the rule could never be met. Missing readers, a fire point or the ID-hash key
    /// are warnings.
    func checkSafety(simulation: Bool, hasFire: Bool, idHashKey: String?, root: Node) {
        for zone in zones {
            let node = zoneNodes[zone.id]
            let path = "zones.\(zone.id)"
            let written = zoneKeys[zone.id, default: []]
            if zone.kind == .holding, !written.contains("watch_post") {
                diagnostics.report(node, path, "holding room has no watch_post (SUP-03 needs the duty post that watches it)")
            }
            if zone.kind == .interview, !written.contains("recorder"), !declaredRecorderRooms.contains(zone.id) {
                diagnostics.report(node, path, "interview room has no recorder (REC-01 needs one; 'source: api' if the recorder reports itself)")
            }
            if zone.readers.isEmpty {
                diagnostics.warn(node, path, "no readers: nobody will be seen in this zone")
            }
        }
        if !hasFire {
            diagnostics.warn(root, "fire", "no fire alarm point: FIRE-01 will not release locks or count heads")
        }
        if idHashKey == nil, !simulation {
            diagnostics.warn(root, "privacy", "no id_hash_key_file: ID numbers cannot be hashed for the chained-summons check (CLK-07)")
        }
    }
}
