internal import Yams
internal import Modbus

extension ProfileParser {
    func parseCommand(_ node: Node, index: Int) -> Command? {
        let path = itemPath("commands", index, node)
        guard let map = MappingView(node, path: path, diagnostics: diagnostics) else { return nil }
        map.checkKeys(
            required: ["name", "write"],
            optional: ["table", "address", "ref", "pulse", "verify", "requires_role", "description"],
            diagnostics: diagnostics)
        let name = read.identifier(map["name"], map.field("name"))
        let placement = parsePlacement(map)
        if let placement, !placement.table.isWritable {
            diagnostics.report(
                map["table"] ?? map["ref"], map.field("table"),
                "a command must write a coil or holding_register; \(placement.table.rawValue) is read-only")
        }
        let write = map["write"].flatMap { parseWrite($0, path: map.field("write"), table: placement?.table) }
        let pulse = map["pulse"].flatMap { parsePulse($0, path: map.field("pulse")) }
        let verify = map["verify"].flatMap { parseVerify($0, path: map.field("verify")) }
        checkDeclared(verify?.point, map["verify"]?.mapping?["point"], map.field("verify.point"))
        checkDeclared(pulse?.output, map["pulse"]?.mapping?["output"], map.field("pulse.output"))
        guard let name, let placement, let write else { return nil }
        return Command(
            name: name, table: placement.table, address: placement.address, write: write, pulse: pulse,
            verify: verify, requiresRole: read.choice(map["requires_role"], map.field("requires_role"), as: CommandRole.self),
            summary: read.string(map["description"], map.field("description")), location: diagnostics.location(of: node))
    }

    private func parseWrite(_ node: Node, path: String, table: ModbusTable?) -> CommandWrite? {
        guard let map = MappingView(node, path: path, diagnostics: diagnostics) else { return nil }
        map.checkKeys(required: ["fc"], optional: ["value", "values", "raw"], diagnostics: diagnostics)
        let raw = read.bool(map["raw"], map.field("raw")) ?? false
        guard let fc = read.integer(map["fc"], map.field("fc")) else { return nil }
        let allowed: [Int] = switch table {
        case .coil: [5, 15]
        case .holdingRegister: [6, 16]
        default: [5, 6, 15, 16]
        }
        guard allowed.contains(fc) else {
            diagnostics.report(
                map["fc"], map.field("fc"),
                "expected function code \(allowed.map(String.init).joined(separator: " or "))"
                    + (table.map { " for a \($0.rawValue)" } ?? "") + ", got \(fc)")
            return nil
        }
        let values: [Int]
        switch (map["value"], map["values"]) {
        case (let single?, nil):
            guard let value = read.integer(single, map.field("value"), in: 0...0xFFFF, what: "a 16-bit value") else {
                return nil
            }
            values = [value]
        case (nil, let list?):
            values = (read.sequence(list, map.field("values")) ?? []).compactMap {
                read.integer($0, map.field("values"), in: 0...0xFFFF, what: "a 16-bit value")
            }
            if values.isEmpty {
                diagnostics.report(list, map.field("values"), "expected at least one value")
                return nil
            }
        case (nil, nil):
            diagnostics.report(node, map.field("value"), "missing required key 'value' (or 'values')")
            return nil
        case (_?, _?):
            diagnostics.report(node, map.field("values"), "give either 'value' or 'values', not both")
            return nil
        }
        if (fc == 5 || fc == 6), values.count != 1 {
            diagnostics.report(map["values"], map.field("values"), "FC\(fc) writes exactly one value")
            return nil
        }
        if fc == 5, !raw, !values.allSatisfy({ $0 == 0xFF00 || $0 == 0 }) {
            diagnostics.report(
                map["value"], map.field("value"),
                "FC5 writes 0xFF00 (on) or 0x0000 (off); a vendor value needs 'raw: true'")
            return nil
        }
        if fc == 15, !values.allSatisfy({ $0 == 0 || $0 == 1 }) {
            diagnostics.report(map["values"], map.field("values"), "FC15 writes bits: each value must be 0 or 1")
            return nil
        }
        return CommandWrite(functionCode: UInt8(fc), values: values.map { UInt16($0) }, raw: raw)
    }

    private func parsePulse(_ node: Node, path: String) -> Pulse? {
        guard let map = MappingView(node, path: path, diagnostics: diagnostics) else { return nil }
        map.checkKeys(required: ["duration_ms"], optional: ["output", "level"], diagnostics: diagnostics)
        guard let duration = read.integer(
            map["duration_ms"], map.field("duration_ms"), in: 1...600_000, what: "a pulse length in ms")
        else { return nil }
        return Pulse(
            durationMs: duration, output: read.identifier(map["output"], map.field("output")),
            level: read.bool(map["level"], map.field("level")) ?? true)
    }

    private func parseVerify(_ node: Node, path: String) -> Verify? {
        guard let map = MappingView(node, path: path, diagnostics: diagnostics) else { return nil }
        map.checkKeys(required: ["point", "expect", "within_ms"], optional: [], diagnostics: diagnostics)
        let point = read.identifier(map["point"], map.field("point"))
        let expect = expectedValue(map["expect"], map.field("expect"))
        let within = read.integer(map["within_ms"], map.field("within_ms"), in: 1...60000, what: "a time in ms")
        guard let point, let expect, let within else { return nil }
        return Verify(point: point, expect: expect, withinMs: within)
    }
}
