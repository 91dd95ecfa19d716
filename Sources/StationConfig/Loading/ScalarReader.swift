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

    /// A decimal integer (with `_` allowed) or `0x…` hex.
    func integer(_ node: Node?, _ field: String, in range: ClosedRange<Int>? = nil, what: String? = nil) -> Int? {
        guard let node else { return nil }
        guard let text = node.scalar?.string, let value = Self.parseInteger(text) else {
            diagnostics.report(node, field, "expected an integer")
            return nil
        }
        if let range, !range.contains(value) {
            diagnostics.report(node, field, "expected \(what ?? "an integer") in \(range.lowerBound)…\(range.upperBound), got \(value)")
            return nil
        }
        return value
    }

    func number(_ node: Node?, _ field: String) -> Double? {
        guard let node else { return nil }
        if let text = node.scalar?.string {
            if let value = Self.parseInteger(text) { return Double(value) }
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

    /// A list of texts; a single text is taken as a list of one.
    func strings(_ node: Node?, _ field: String) -> [(text: String, node: Node)] {
        guard let node else { return [] }
        let items = node.scalar != nil ? [node] : (sequence(node, field) ?? [])
        return items.compactMap { item in string(item, field).map { ($0, item) } }
    }

    /// An id: letters, digits, `-` and `_`, starting with a letter or digit. Lower case only unless
    /// `anyCase` (officer ids are often police numbers written as issued).
    func identifier(_ node: Node?, _ field: String, anyCase: Bool = false) -> String? {
        guard let text = string(node, field) else { return nil }
        guard Self.isIdentifier(text, anyCase: anyCase) else {
            let letters = anyCase ? "letters" : "a-z"
            diagnostics.report(node, field, "expected an id of \(letters), 0-9, - and _ starting with a letter or digit, got '\(text)'")
            return nil
        }
        return text
    }

    static func isIdentifier(_ text: String, anyCase: Bool = false) -> Bool {
        func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
            ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || (anyCase && ("A"..."Z").contains(scalar))
        }
        guard let first = text.unicodeScalars.first, isAlphanumeric(first) else { return false }
        return text.unicodeScalars.allSatisfy { isAlphanumeric($0) || $0 == "-" || $0 == "_" }
    }

    static func parseInteger(_ text: String) -> Int? {
        var digits = Substring(text.filter { $0 != "_" })
        var negative = false
        if digits.first == "-" || digits.first == "+" {
            negative = digits.first == "-"
            digits = digits.dropFirst()
        }
        var radix = 10
        if digits.hasPrefix("0x") || digits.hasPrefix("0X") {
            radix = 16
            digits = digits.dropFirst(2)
        }
        guard !digits.isEmpty, let magnitude = Int(digits, radix: radix) else { return nil }
        return negative ? -magnitude : magnitude
    }
}
