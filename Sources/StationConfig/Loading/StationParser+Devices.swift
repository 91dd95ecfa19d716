internal import DeviceProfiles
internal import Modbus
internal import Yams

/// A device as read, with the nodes later checks point at.
struct ParsedDevice {
    var device: StationDevice
    var profile: DeviceProfile
    var node: Node
    var path: String
    var zoneNode: Node?
    var doorNode: Node?
}

extension StationParser {
    func parseDevices(_ node: Node?) {
        var units: [String: [Int: String]] = [:]
        for item in items(node, "devices") {
            let map = item.map
            map.checkKeys(required: ["id", "profile", "bus", "unit"], optional: ["zone", "door", "note"], diagnostics: diagnostics)
            let profile = profile(map["profile"], map.field("profile"))
            let busID = reference(map["bus"], map.field("bus"), to: .buses, what: "bus")
            let bus = busID.flatMap { buses[$0] }
            if let profile, let bus, !profile.transports.contains(bus.transport) {
                let offered = profile.transports.map(\.rawValue).joined(separator: ", ")
                diagnostics.report(
                    map["bus"], map.field("bus"),
                    "profile '\(profile.id)' offers \(offered) only, but bus '\(bus.id)' is \(bus.transport.rawValue)")
            }
            let unit = unitID(map["unit"], map.field("unit"), transport: bus?.transport)
            if let unit, let busID {
                if let other = units[busID, default: [:]][unit] {
                    diagnostics.report(map["unit"], map.field("unit"), "unit \(unit) on bus '\(busID)' is already device '\(other)'")
                } else {
                    units[busID, default: [:]][unit] = item.id
                }
            }
            let zone = map["zone"].flatMap { zoneReference($0, map.field("zone")) }
            let door = reference(map["door"], map.field("door"), to: .doors, what: "door")
            if map["zone"] != nil, map["door"] != nil {
                diagnostics.report(map.keyNode("door"), map.field("door"), "give zone or door, not both")
            }
            let note = read.string(map["note"], map.field("note"))
            guard let profile, let busID, let unit else { continue }
            let device = StationDevice(
                id: item.id, profileID: profile.id, kind: profile.kind, bus: busID, unit: unit, zone: zone, door: door,
                note: note, location: diagnostics.location(of: map.node))
            devices[item.id] = ParsedDevice(
                device: device, profile: profile, node: map.node, path: item.path, zoneNode: map["zone"], doorNode: map["door"])
            deviceOrder.append(item.id)
        }
    }

    private func profile(_ node: Node?, _ field: String) -> DeviceProfile? {
        guard let id = read.string(node, field) else { return nil }
        guard let profile = profiles.profile(id: id) else {
            let known = profiles.profiles.map(\.id).joined(separator: ", ")
            diagnostics.report(node, field, "unknown profile '\(id)' (loaded profiles: \(known.isEmpty ? "none" : known))")
            return nil
        }
        return profile
    }

    /// RTU: 1–247 (0 is broadcast, which nothing answers). TCP: 0–247 or 255.
    private func unitID(_ node: Node?, _ field: String, transport: Transport?) -> Int? {
        guard let unit = read.integer(node, field) else { return nil }
        switch transport {
        case .rtu where !(1...247).contains(unit):
            diagnostics.report(node, field, "expected a unit id in 1…247 on an RTU bus, got \(unit)")
            return nil
        case .tcp where !(0...247).contains(unit) && unit != 255:
            diagnostics.report(node, field, "expected a unit id in 0…247 or 255 on a TCP bus, got \(unit)")
            return nil
        case nil where !(0...255).contains(unit):
            diagnostics.report(node, field, "expected a unit id in 0…255, got \(unit)")
            return nil
        default:
            return unit
        }
    }

    /// A zone id, or ``StationZone/outside``.
    func zoneReference(_ node: Node, _ field: String, allowOutside: Bool = false) -> String? {
        if allowOutside, node.scalar?.string == StationZone.outside { return StationZone.outside }
        return reference(node, field, to: .zones, what: "zone")
    }

    /// The parsed device `id` if its profile is of one of `kinds`; reports a device of another kind.
    func device(_ node: Node?, _ field: String, kinds: [DeviceKind], role: String) -> ParsedDevice? {
        guard let id = reference(node, field, to: .devices, what: "device"), let device = devices[id] else { return nil }
        guard kinds.contains(device.profile.kind) else {
            let wanted = kinds.map(\.rawValue).joined(separator: " or ")
            diagnostics.report(
                node, field,
                "device '\(id)' is a \(device.profile.kind.rawValue) (profile \(device.profile.id)); \(role) must be a \(wanted) device")
            return nil
        }
        return device
    }

    /// A bool point of `device`'s profile.
    func boolPoint(_ name: String, of device: ParsedDevice, node: Node?, _ field: String) -> Bool {
        guard let point = device.profile.point(named: name) else {
            let names = device.profile.points.filter { $0.type == .bool }.map(\.name).joined(separator: ", ")
            diagnostics.report(node, field, "profile '\(device.profile.id)' has no point '\(name)' (its bool points: \(names))")
            return false
        }
        guard point.type == .bool else {
            diagnostics.report(node, field, "point '\(name)' of profile '\(device.profile.id)' is \(point.type), not bool")
            return false
        }
        return true
    }

    /// `{device: ID, point: NAME}` naming a bool point of a device of `kinds`.
    func pointReference(_ node: Node, _ field: String, kinds: [DeviceKind], role: String) -> PointReference? {
        guard let map = MappingView(node, path: field, diagnostics: diagnostics) else { return nil }
        map.checkKeys(required: ["device", "point"], optional: [], diagnostics: diagnostics)
        let device = device(map["device"], map.field("device"), kinds: kinds, role: role)
        guard let name = read.string(map["point"], map.field("point")), let device else { return nil }
        guard boolPoint(name, of: device, node: map["point"], map.field("point")) else { return nil }
        return PointReference(device: device.device.id, point: name)
    }
}
