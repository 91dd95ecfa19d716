package import Yams

/// Reads typed scalars from YAML nodes, reporting what was expected when a node does not fit.
package struct ScalarReader {
    package let diagnostics: Diagnostics

    package init(diagnostics: Diagnostics) {
        self.diagnostics = diagnostics
    }

    package func string(_ node: Node?, _ field: String) -> String? {
        guard let node else { return nil }
        guard let text = node.scalar?.string else {
            diagnostics.report(node, field, "expected a text value")
            return nil
        }
        return text
    }

    /// An integer in one of the forms the document's schema accepts.
    package func literal(_ node: Node?, _ field: String) -> IntegerLiteral? {
        guard let node else { return nil }
        let schema = diagnostics.schema
        guard let text = node.scalar?.string, let literal = IntegerLiteral(text, forms: schema.integerForms) else {
            diagnostics.report(node, field, schema.integerExpected)
            return nil
        }
        return literal
    }

    package func integer(_ node: Node?, _ field: String, in range: ClosedRange<Int>? = nil, what: String? = nil) -> Int? {
        guard let value = literal(node, field)?.value else { return nil }
        if let range, !range.contains(value) {
            diagnostics.report(node, field, "expected \(what ?? "an integer") in \(range.lowerBound)…\(range.upperBound), got \(value)")
            return nil
        }
        return value
    }

    package func number(_ node: Node?, _ field: String) -> Double? {
        guard let node else { return nil }
        if let text = node.scalar?.string {
            if let literal = IntegerLiteral(text, forms: diagnostics.schema.integerForms) { return Double(literal.value) }
            if let value = Double(text.filter { $0 != "_" }), value.isFinite { return value }
        }
        diagnostics.report(node, field, "expected a finite number")
        return nil
    }

    package func bool(_ node: Node?, _ field: String) -> Bool? {
        guard let node else { return nil }
        switch node.scalar?.string {
        case "true": return true
        case "false": return false
        default:
            diagnostics.report(node, field, "expected true or false")
            return nil
        }
    }

    package func choice<Choice: RawRepresentable & CaseIterable>(
        _ node: Node?, _ field: String, as _: Choice.Type
    ) -> Choice? where Choice.RawValue == String {
        guard let text = string(node, field) else { return nil }
        if let value = Choice(rawValue: text) { return value }
        let allowed = Choice.allCases.map(\.rawValue).joined(separator: ", ")
        diagnostics.report(node, field, "expected one of \(allowed), got '\(text)'")
        return nil
    }

    package func sequence(_ node: Node?, _ field: String) -> [Node]? {
        guard let node else { return nil }
        guard let sequence = node.sequence else {
            diagnostics.report(node, field, "expected a list")
            return nil
        }
        return Array(sequence)
    }

    /// A list of texts; a single text is taken as a list of one.
    package func strings(_ node: Node?, _ field: String) -> [(text: String, node: Node)] {
        guard let node else { return [] }
        let items = node.scalar != nil ? [node] : (sequence(node, field) ?? [])
        return items.compactMap { item in string(item, field).map { ($0, item) } }
    }
}
