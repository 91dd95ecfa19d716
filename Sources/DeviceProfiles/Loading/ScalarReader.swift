internal import Yams

/// Reads typed scalars from YAML nodes, reporting what was expected when a node does not fit.
struct ScalarReader {
    let diagnostics: Diagnostics

    func string(_ node: Node?, _ field: String) -> String? {
        guard let node else { return nil }
        guard let text = node.scalar?.string else {
            diagnostics.report(node, field, "expected a text value")
            return nil
        }
        return text
    }

    func literal(_ node: Node?, _ field: String) -> IntegerLiteral? {
        guard let node else { return nil }
        guard let text = node.scalar?.string, let literal = IntegerLiteral(text) else {
            diagnostics.report(node, field, "expected an integer (decimal, or 0x… hex)")
            return nil
        }
        return literal
    }

    func integer(_ node: Node?, _ field: String, in range: ClosedRange<Int>? = nil, what: String? = nil) -> Int? {
        guard let value = literal(node, field)?.value else { return nil }
        if let range, !range.contains(value) {
            diagnostics.report(node, field, "expected \(what ?? "an integer") in \(range.lowerBound)…\(range.upperBound), got \(value)")
            return nil
        }
        return value
    }

    func number(_ node: Node?, _ field: String) -> Double? {
        guard let node else { return nil }
        if let text = node.scalar?.string {
            if let literal = IntegerLiteral(text) { return Double(literal.value) }
            if let value = Double(text.filter { $0 != "_" }), value.isFinite { return value }
        }
        diagnostics.report(node, field, "expected a finite number")
        return nil
    }

    func bool(_ node: Node?, _ field: String) -> Bool? {
        guard let node else { return nil }
        switch node.scalar?.string {
        case "true": return true
        case "false": return false
        default:
            diagnostics.report(node, field, "expected true or false")
            return nil
        }
    }

    func choice<Choice: RawRepresentable & CaseIterable>(
        _ node: Node?, _ field: String, as _: Choice.Type
    ) -> Choice? where Choice.RawValue == String {
        guard let text = string(node, field) else { return nil }
        if let value = Choice(rawValue: text) { return value }
        let allowed = Choice.allCases.map(\.rawValue).joined(separator: ", ")
        diagnostics.report(node, field, "expected one of \(allowed), got '\(text)'")
        return nil
    }

    func sequence(_ node: Node?, _ field: String) -> [Node]? {
        guard let node else { return nil }
        guard let sequence = node.sequence else {
            diagnostics.report(node, field, "expected a list")
            return nil
        }
        return Array(sequence)
    }

    /// A name for a point, command or event: `[a-z0-9_]`, starting with a letter.
    func identifier(_ node: Node?, _ field: String) -> String? {
        guard let text = string(node, field) else { return nil }
        let allowed = text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
        guard let first = text.unicodeScalars.first, ("a"..."z").contains(first), allowed else {
            diagnostics.report(node, field, "expected a name of a-z, 0-9 and _ starting with a letter, got '\(text)'")
            return nil
        }
        return text
    }
}
