internal import Yams
internal import Modbus

extension ProfileParser {
    func parseEvent(_ node: Node, index: Int) -> DeviceEvent? {
        let path = itemPath("events", index, node)
        guard let map = MappingView(node, path: path, diagnostics: diagnostics) else { return nil }
        map.checkKeys(required: ["name", "trigger"], optional: ["capture", "ack"], diagnostics: diagnostics)
        let name = read.identifier(map["name"], map.field("name"))
        let trigger = map["trigger"].flatMap { parseTrigger($0, path: map.field("trigger")) }
        let captureNodes = read.sequence(map["capture"], map.field("capture")) ?? []
        let capture = captureNodes.compactMap { read.identifier($0, map.field("capture")) }
        for node in captureNodes {
            checkDeclared(node.string, node, map.field("capture"))
        }
        if let triggerMap = map["trigger"]?.mapping, let key = ["point", "counter"].first(where: { triggerMap[$0] != nil }) {
            checkDeclared(trigger?.point, triggerMap[key], map.field("trigger.\(key)"))
        }
        var ack: DeviceEvent.Acknowledge?
        if let node = map["ack"], let ackMap = MappingView(node, path: map.field("ack"), diagnostics: diagnostics) {
            ackMap.checkKeys(required: ["value"], optional: ["table", "address", "ref"], diagnostics: diagnostics)
            let placement = parsePlacement(ackMap)
            let value = read.integer(ackMap["value"], ackMap.field("value"), in: 0...0xFFFF, what: "a 16-bit value")
            if let placement, !placement.table.isWritable {
                diagnostics.report(
                    ackMap["table"] ?? ackMap["ref"], ackMap.field("table"),
                    "an ack must write a coil or holding_register; \(placement.table.rawValue) is read-only")
            } else if let placement, let value {
                if placement.table == .coil, value > 1 {
                    diagnostics.report(ackMap["value"], ackMap.field("value"), "a coil ack writes 0 or 1, got \(value)")
                }
                ack = DeviceEvent.Acknowledge(table: placement.table, address: placement.address, value: UInt16(value))
            }
        }
        guard let name, let trigger else { return nil }
        return DeviceEvent(name: name, trigger: trigger, capture: capture, ack: ack, location: diagnostics.location(of: node))
    }

    private func parseTrigger(_ node: Node, path: String) -> DeviceEvent.Trigger? {
        guard let map = MappingView(node, path: path, diagnostics: diagnostics) else { return nil }
        map.checkKeys(required: [], optional: ["point", "equals", "counter"], diagnostics: diagnostics)
        switch (map["point"], map["counter"]) {
        case (let pointNode?, nil):
            guard let point = read.identifier(pointNode, map.field("point")) else { return nil }
            guard let equalsNode = map["equals"] else {
                diagnostics.report(node, map.field("equals"), "missing required key 'equals' for a latch trigger")
                return nil
            }
            return expectedValue(equalsNode, map.field("equals")).map { .latch(point: point, equals: $0) }
        case (nil, let counterNode?):
            if map["equals"] != nil {
                diagnostics.report(map["equals"], map.field("equals"), "a counter trigger fires on every change; drop 'equals'")
            }
            return read.identifier(counterNode, map.field("counter")).map { .counter(point: $0) }
        default:
            diagnostics.report(node, path, "expected either {point, equals} (a latch) or {counter} (a sequence counter)")
            return nil
        }
    }

    func parseProbe(_ node: Node, index: Int) -> IdentifyProbe? {
        let path = "identify[\(index)]"
        guard let map = MappingView(node, path: path, diagnostics: diagnostics) else { return nil }
        map.checkKeys(required: [], optional: ["table", "address", "ref", "type", "expect", "expect_range"], diagnostics: diagnostics)
        var type = ValueType.uint16
        if let name = read.string(map["type"], map.field("type")) {
            guard let parsed = ValueType(profileName: name), parsed.registerCount == 1 else {
                diagnostics.report(map["type"], map.field("type"), "expected a one-register type (uint16, int16, bool, bitfield16)")
                return nil
            }
            type = parsed
        }
        let placement = parsePlacement(map)
        let range: ClosedRange<Int64>?
        switch (map["expect"], map["expect_range"]) {
        case (let single?, nil):
            range = read.integer(single, map.field("expect")).map { Int64($0)...Int64($0) }
        case (nil, let pair?):
            let bounds = (read.sequence(pair, map.field("expect_range")) ?? []).compactMap {
                read.integer($0, map.field("expect_range"))
            }
            if bounds.count == 2, bounds[0] <= bounds[1] {
                range = Int64(bounds[0])...Int64(bounds[1])
            } else {
                diagnostics.report(pair, map.field("expect_range"), "expected [min, max] with min ≤ max")
                range = nil
            }
        default:
            diagnostics.report(node, map.field("expect"), "expected either 'expect' or 'expect_range'")
            range = nil
        }
        guard let placement, let range else { return nil }
        return IdentifyProbe(
            table: placement.table, address: placement.address, type: type, expectRange: range,
            location: diagnostics.location(of: node))
    }
}
