internal import Yams

/// Collects diagnostics for one file while it is parsed and checked.
final class Diagnostics {
    let file: String
    private(set) var items: [ProfileDiagnostic] = []

    init(file: String) {
        self.file = file
    }

    /// The place of `node` in the file (0:0 when Yams gave none).
    func location(of node: Node?) -> SourceLocation {
        SourceLocation(file: file, line: node?.mark?.line ?? 0, column: node?.mark?.column ?? 0)
    }

    func report(_ node: Node?, _ field: String, _ message: String) {
        items.append(ProfileDiagnostic(location: location(of: node), field: field, message: message))
    }

    func report(at location: SourceLocation, _ field: String, _ message: String) {
        items.append(ProfileDiagnostic(location: location, field: field, message: message))
    }

    /// The diagnostics sorted by position.
    var sorted: [ProfileDiagnostic] {
        items.enumerated().sorted { lhs, rhs in
            let left = lhs.element.location, right = rhs.element.location
            if left.line != right.line { return left.line < right.line }
            if left.column != right.column { return left.column < right.column }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }
}
