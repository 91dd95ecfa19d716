internal import DeviceProfiles
internal import Yams

extension ScalarReader {
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
}
