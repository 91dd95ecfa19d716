package import Yams

/// A YAML mapping with string keys, checked against the keys the document's schema allows.
package struct MappingView {
    package let node: Node
    package let path: String
    private let pairs: [(key: String, keyNode: Node, value: Node)]

    /// Reads `node` as a mapping, reporting an error (and returning `nil`) if it is not one.
    package init?(_ node: Node, path: String, diagnostics: Diagnostics) {
        guard let mapping = node.mapping else {
            diagnostics.report(node, path, "expected a mapping of keys to values")
            return nil
        }
        self.node = node
        self.path = path
        pairs = mapping.map { (key: $0.key.string ?? "", keyNode: $0.key, value: $0.value) }
    }

    /// The value under `key`, if present.
    package subscript(key: String) -> Node? { pairs.first { $0.key == key }?.value }

    /// The node of the key itself, for errors about the key.
    package func keyNode(_ key: String) -> Node? { pairs.first { $0.key == key }?.keyNode }

    /// The path of a field inside this mapping.
    package func field(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// Reports unknown keys and missing required ones (class 1 of DEVICES.md §5 for profiles).
    package func checkKeys(required: [String], optional: [String], diagnostics: Diagnostics) {
        let allowed = Set(required + optional)
        let schema = diagnostics.schema
        for pair in pairs where !allowed.contains(pair.key) {
            let known = (required + optional).joined(separator: ", ")
            diagnostics.report(
                pair.keyNode, field(pair.key), "unknown key '\(pair.key)' (\(schema.name) allows: \(known))")
        }
        let suffix = schema.namedOnMissingKey ? " (\(schema.name))" : ""
        for key in required where self[key] == nil {
            diagnostics.report(node, field(key), "missing required key '\(key)'\(suffix)")
        }
    }
}
