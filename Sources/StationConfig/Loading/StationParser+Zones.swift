internal import DeviceProfiles
internal import Yams

extension StationParser {
    static let zoneKeys = ["name", "capacity", "area_m2", "position", "watch_post", "readers", "sensors", "recorder", "note"]

    func parseZones(_ node: Node?) {
        for item in items(node, "zones") {
            let map = item.map
            map.checkKeys(required: ["id", "kind"], optional: Self.zoneKeys, diagnostics: diagnostics)
            if item.id == StationZone.outside {
                diagnostics.report(map["id"], item.path, "'outside' is reserved for the world beyond the area's doors")
                continue
            }
            let kind = read.choice(map["kind"], map.field("kind"), as: ZoneKind.self)
            let name = read.string(map["name"], map.field("name")) ?? item.id
            let capacity = read.integer(map["capacity"], map.field("capacity"), in: 1...1000, what: "a capacity")
            let area = read.number(map["area_m2"], map.field("area_m2"))
            if let area, area <= 0 { diagnostics.report(map["area_m2"], map.field("area_m2"), "expected an area above 0 m², got \(area)") }
            let position = map["position"].flatMap { parsePosition($0, map.field("position")) }
            let post = map["watch_post"].flatMap { self.watchPost($0, map.field("watch_post"), kind: kind) }
            let readers = deviceList(map["readers"], map.field("readers"), zone: item.id, kinds: [.reader], role: "a reader")
            let sensors = deviceList(
                map["sensors"], map.field("sensors"), zone: item.id, kinds: [.environment, .io], role: "a sensor")
            let recorder = map["recorder"].flatMap { self.zoneRecorder($0, map.field("recorder"), zone: item.id, kind: kind) }
            guard let kind else { continue }
            let effective = capacity ?? (kind == .holding ? defaultHoldingCapacity : nil)
            if kind == .holding, let effective, let area, area > 0 {
                checkCapacity(effective, area: area, node: map["capacity"] ?? map["area_m2"], map.field("capacity"))
            }
            zones.append(StationZone(
                id: item.id, name: name, kind: kind, capacity: effective, areaSquareMetres: area, position: position,
                watchPost: post, readers: readers, sensors: sensors, recorder: recorder,
                location: diagnostics.location(of: map.node)))
            zoneNodes[item.id] = map.node
        }
    }

    private var defaultHoldingCapacity: Int {
        if case .count(let count)? = rules.value(rule: "OCC-01", parameter: "default_capacity") { return count }
        return 1
    }

    /// OCC-01: at most floor(area / 6 m²) people (the divisor may be overridden).
    private func checkCapacity(_ capacity: Int, area: Double, node: Node?, _ field: String) {
        var perPerson = 6.0
        if case .number(let value)? = rules.value(rule: "OCC-01", parameter: "area_per_person_m2") { perPerson = value }
        let limit = Int((area / perPerson).rounded(.down))
        guard capacity > limit else { return }
        diagnostics.report(
            node, field,
            "capacity \(capacity) exceeds floor(\(Self.format(area)) m² / \(Self.format(perPerson)) m²) = \(limit) (OCC-01)")
    }

    static func format(_ number: Double) -> String {
        number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
    }

    private func parsePosition(_ node: Node, _ path: String) -> FloorPlanRect? {
        guard let map = MappingView(node, path: path, diagnostics: diagnostics) else { return nil }
        map.checkKeys(required: ["x", "y", "w", "h"], optional: [], diagnostics: diagnostics)
        let x = read.number(map["x"], map.field("x")), y = read.number(map["y"], map.field("y"))
        var w = read.number(map["w"], map.field("w")), h = read.number(map["h"], map.field("h"))
        for (key, value) in [("w", w), ("h", h)] where (value ?? 1) <= 0 {
            diagnostics.report(map[key], map.field(key), "expected a size above 0, got \(Self.format(value ?? 0))")
            if key == "w" { w = nil } else { h = nil }
        }
        guard let x, let y, let w, let h else { return nil }
        return FloorPlanRect(x: x, y: y, width: w, height: h)
    }

    private func watchPost(_ node: Node, _ field: String, kind: ZoneKind?) -> String? {
        guard let id = zoneReference(node, field) else { return nil }
        if let kind, kind != .holding {
            diagnostics.report(node, field, "only holding rooms have a watch post; this zone is \(kind.rawValue)")
            return nil
        }
        if let target = declaredZoneKinds[id], target != ZoneKind.dutyPost.rawValue {
            diagnostics.report(node, field, "zone '\(id)' is \(target), not a duty-post")
            return nil
        }
        return id
    }

    /// Device ids of `kinds`, each in at most one zone.
    private func deviceList(_ node: Node?, _ field: String, zone: String, kinds: [DeviceKind], role: String) -> [String] {
        read.strings(node, field).compactMap { _, item in
            guard let device = device(item, field, kinds: kinds, role: role) else { return nil }
            let id = device.device.id
            if let use = deviceUse[id] {
                diagnostics.report(item, field, "device '\(id)' is already in \(use.owner) (line \(use.node.mark?.line ?? 0))")
                return nil
            }
            deviceUse[id] = ("zone '\(zone)'", item)
            return id
        }
    }

    private func zoneRecorder(_ node: Node, _ field: String, zone: String, kind: ZoneKind?) -> String? {
        guard let id = reference(node, field, to: .recorders, what: "recorder") else { return nil }
        if let kind, kind != .interview {
            diagnostics.report(node, field, "only interview rooms have a recorder; this zone is \(kind.rawValue)")
            return nil
        }
        if let recorder = recorders.first(where: { $0.id == id }), recorder.room != zone {
            diagnostics.report(node, field, "recorder '\(id)' records room '\(recorder.room)', not '\(zone)'")
            return nil
        }
        return id
    }
}
