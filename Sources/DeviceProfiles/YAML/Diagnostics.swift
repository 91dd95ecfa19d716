package import Yams

/// Collects the findings for one YAML file while it is parsed and checked.
package final class Diagnostics {
    package let file: String
    /// How messages about this file name its schema.
    package let schema: DocumentSchema
    package private(set) var items: [Finding] = []

    package init(file: String, schema: DocumentSchema) {
        self.file = file
        self.schema = schema
    }

    /// The place of `node` in the file (0:0 when Yams gave none).
    package func location(of node: Node?) -> SourceLocation {
        SourceLocation(file: file, line: node?.mark?.line ?? 0, column: node?.mark?.column ?? 0)
    }

    package func report(_ node: Node?, _ field: String, _ message: String) {
        report(at: location(of: node), field, message)
    }

    package func report(at location: SourceLocation, _ field: String, _ message: String) {
        items.append(Finding(severity: .error, location: location, field: field, message: message))
    }

    package func warn(_ node: Node?, _ field: String, _ message: String) {
        items.append(Finding(severity: .warning, location: location(of: node), field: field, message: message))
    }

    /// Takes in the findings of another file, such as a file this one names.
    package func append(_ others: [Finding]) {
        items.append(contentsOf: others)
    }

    package var hasErrors: Bool { items.contains { $0.severity == .error } }

    /// The findings sorted by position, those of this file first.
    package var sorted: [Finding] {
        items.enumerated().sorted { lhs, rhs in
            let left = lhs.element.location, right = rhs.element.location
            if left.file != right.file { return left.file == file }
            if left.line != right.line { return left.line < right.line }
            if left.column != right.column { return left.column < right.column }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }
}
