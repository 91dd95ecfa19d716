internal import Yams

extension ScalarReader {
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
