internal import Yams
internal import Modbus

extension ProfileParser {
    /// Where an item lives, from `table` + `address` or from a legacy `ref`.
    struct Placement {
        var table: ModbusTable
        var address: Int
        var reference: Int?
    }

    /// Reads `table`, `address` and `ref` of a point, command, ack or probe. Rejects legacy numbers
    /// written as `address` (class 9) and addresses outside 0…65535 (class 3).
    func parsePlacement(_ map: MappingView, count: Int = 1) -> Placement? {
        let tableNode = map["table"], addressNode = map["address"], refNode = map["ref"]
        var table = read.choice(tableNode, map.field("table"), as: ModbusTable.self)
        var address: Int?
        var reference: Int?

        if let refNode {
            if addressNode != nil {
                diagnostics.report(refNode, map.field("ref"), "give either 'address' (0-based) or 'ref' (legacy), not both")
                return nil
            }
            guard let text = read.string(refNode, map.field("ref")),
                let value = Int(text.filter { $0 != "_" }),
                let legacy = LegacyReference(value, digits: text.filter { $0 != "_" }.count)
            else {
                diagnostics.report(
                    refNode, map.field("ref"),
                    "expected a legacy reference such as 00001, 10001, 30001 or 40001 (5 or 6 digits)")
                return nil
            }
            if let table, table != legacy.table {
                diagnostics.report(
                    refNode, map.field("ref"),
                    "ref \(text) is a \(legacy.table.rawValue), but table is \(table.rawValue)")
                return nil
            }
            table = legacy.table
            address = legacy.address
            reference = value
        } else if let addressNode {
            guard let literal = read.literal(addressNode, map.field("address")) else { return nil }
            if literal.isDecimal, let text = addressNode.scalar?.string, let legacy = LegacyReference.looksLegacy(text) {
                diagnostics.report(
                    addressNode, map.field("address"),
                    "\(text) looks like a legacy 1-based reference; write 'ref: \(text)' or the 0-based "
                        + "'address: \(legacy.address)' with 'table: \(legacy.table.rawValue)' "
                        + "(write a real address above 10000 in hex)")
                return nil
            }
            address = literal.value
        } else {
            diagnostics.report(map.node, map.field("address"), "missing required key 'address' (or 'ref')")
            return nil
        }
        if tableNode == nil, refNode == nil {
            diagnostics.report(map.node, map.field("table"), "missing required key 'table' (or 'ref')")
        }
        guard let table, let address else { return nil }
        let node = addressNode ?? refNode
        guard (0...65535).contains(address) else {
            diagnostics.report(node, map.field("address"), "expected an address in 0…65535, got \(address)")
            return nil
        }
        if address + count - 1 > 65535 {
            diagnostics.report(
                node, map.field("address"),
                "\(count) items from \(address) run past 65535 (last would be \(address + count - 1))")
            return nil
        }
        return Placement(table: table, address: address, reference: reference)
    }
}
