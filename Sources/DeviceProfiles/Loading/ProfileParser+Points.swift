internal import Yams
internal import Modbus

extension ProfileParser {
    static let pointKeys = [
        "table", "address", "ref", "length", "count", "word_order", "scale", "offset", "unit", "access",
        "valid", "unavailable", "interval_ms", "bits", "alias", "description",
    ]

    /// The path of a list item: `points.temperature` once its name is known, `points[3]` before.
    func itemPath(_ list: String, _ index: Int, _ node: Node) -> String {
        if let name = node.mapping?["name"]?.string, !name.isEmpty { return "\(list).\(name)" }
        return "\(list)[\(index)]"
    }

    func parsePoint(_ node: Node, index: Int) -> Point? {
        let path = itemPath("points", index, node)
        guard let map = MappingView(node, path: path, diagnostics: diagnostics) else { return nil }
        map.checkKeys(required: ["name", "type"], optional: Self.pointKeys, diagnostics: diagnostics)
        let name = read.identifier(map["name"], map.field("name"))
        let type = parseType(map)
        let placement = parsePlacement(map, count: type?.registerCount ?? 1)
        guard let name, let type, let placement else { return nil }
        var point = Point(
            name: name, table: placement.table, address: placement.address, type: type,
            reference: placement.reference, location: diagnostics.location(of: node))

        if placement.table.isBits, type != .bool {
            diagnostics.report(
                map["type"], map.field("type"), "a \(placement.table.rawValue) holds one bit: type must be bool, got \(type)")
        }
        if let countNode = map["count"], let count = read.integer(countNode, map.field("count")),
            count != point.count
        {
            diagnostics.report(countNode, map.field("count"), "\(type) occupies \(point.count) item(s), but count is \(count)")
        }
        point.wordOrder = parseWordOrder(map, type: type) ?? .abcd
        parseScaling(map, into: &point)
        if let access = read.choice(map["access"], map.field("access"), as: PointAccess.self) {
            point.access = access
            if access != .read, !placement.table.isWritable {
                diagnostics.report(
                    map["access"], map.field("access"),
                    "a \(placement.table.rawValue) is read-only: access must be r, got \(access.rawValue)")
            }
        }
        point.intervalMs = read.integer(
            map["interval_ms"], map.field("interval_ms"), in: Self.minimumIntervalMs...86_400_000,
            what: "a poll interval in ms (the bus minimum is \(Self.minimumIntervalMs))")
        point.alias = read.bool(map["alias"], map.field("alias")) ?? false
        point.summary = read.string(map["description"], map.field("description"))
        point.bits = parseBits(map, type: type)
        point.unavailable = parseSentinels(map, type: type)
        return point
    }

    private func parseType(_ map: MappingView) -> ValueType? {
        guard let name = read.string(map["type"], map.field("type")) else { return nil }
        guard ValueType.profileNames.contains(name) else {
            diagnostics.report(
                map["type"], map.field("type"),
                "expected one of \(ValueType.profileNames.joined(separator: ", ")), got '\(name)'")
            return nil
        }
        let length = read.integer(map["length"], map.field("length"), in: 1...125, what: "a length in registers")
        if name != "string", map["length"] != nil {
            diagnostics.report(map["length"], map.field("length"), "length applies only to type string")
        }
        guard let type = ValueType(profileName: name, length: length) else {
            if map["length"] == nil {
                diagnostics.report(map["type"], map.field("length"), "type string needs 'length' (in registers, 2 bytes each)")
            }
            return nil
        }
        return type
    }

    private func parseWordOrder(_ map: MappingView, type: ValueType) -> WordOrder? {
        let node = map["word_order"]
        guard let node else {
            if type.needsWordOrder {
                diagnostics.report(
                    map["type"], map.field("word_order"), "\(type) needs 'word_order' (one of ABCD, BADC, CDAB, DCBA)")
            }
            return nil
        }
        guard let order = read.choice(node, map.field("word_order"), as: WordOrder.self) else { return nil }
        if case .string = type {
            if order.reversesWords {
                diagnostics.report(node, map.field("word_order"), "a string takes ABCD or BADC, got \(order.rawValue)")
            }
        } else if !type.needsWordOrder {
            diagnostics.report(node, map.field("word_order"), "word_order applies only to 32/64-bit types and strings")
        }
        return order
    }

    private func parseScaling(_ map: MappingView, into point: inout Point) {
        for key in ["scale", "offset", "valid", "unit"] where map[key] != nil && !point.type.isNumeric {
            diagnostics.report(map[key], map.field(key), "\(key) applies only to numeric types, not \(point.type)")
        }
        if let scale = read.number(map["scale"], map.field("scale")) {
            if scale == 0 {
                diagnostics.report(map["scale"], map.field("scale"), "scale must not be 0")
            } else {
                point.scale = scale
            }
        }
        point.offset = read.number(map["offset"], map.field("offset")) ?? 0
        point.unit = read.string(map["unit"], map.field("unit"))
        if let node = map["valid"], let valid = MappingView(node, path: map.field("valid"), diagnostics: diagnostics) {
            valid.checkKeys(required: ["min", "max"], optional: [], diagnostics: diagnostics)
            if let low = read.number(valid["min"], valid.field("min")), let high = read.number(valid["max"], valid.field("max")) {
                if low <= high {
                    point.valid = ValidRange(min: low, max: high)
                } else {
                    diagnostics.report(node, map.field("valid"), "min \(low) is above max \(high)")
                }
            }
        }
    }

    private func parseBits(_ map: MappingView, type: ValueType) -> [Int: String] {
        guard let node = map["bits"] else { return [:] }
        guard type == .bitfield16 else {
            diagnostics.report(node, map.field("bits"), "bits applies only to type bitfield16, not \(type)")
            return [:]
        }
        guard let mapping = node.mapping else {
            diagnostics.report(node, map.field("bits"), "expected a mapping of bit number (0…15) to name")
            return [:]
        }
        var bits: [Int: String] = [:]
        for (key, value) in mapping {
            let field = map.field("bits.\(key.string ?? "?")")
            guard let bit = read.integer(key, field, in: 0...15, what: "a bit number"),
                let name = read.identifier(value, field)
            else { continue }
            bits[bit] = name
        }
        return bits
    }

    private func parseSentinels(_ map: MappingView, type: ValueType) -> [Sentinel] {
        guard let node = map["unavailable"] else { return [] }
        let field = map.field("unavailable")
        let items = node.sequence.map(Array.init) ?? [node]
        switch type {
        case .float32, .float64:
            return items.compactMap { read.number($0, field).map(Sentinel.number) }
        case .bool, .string:
            diagnostics.report(node, field, "unavailable applies only to numeric and bitfield types, not \(type)")
            return []
        default:
            let width = type.registerCount * 16
            let mask: UInt64 = width == 64 ? .max : (1 << UInt64(width)) - 1
            let lowest = width == 64 ? Int.min : -(1 << (width - 1))
            let highest = width == 64 ? Int.max : (1 << width) - 1
            return items.compactMap { item -> Sentinel? in
                guard let value = read.integer(item, field, in: lowest...highest, what: "a raw \(type) value") else {
                    return nil
                }
                return .bits(UInt64(bitPattern: Int64(value)) & mask)
            }
        }
    }
}
