internal import DeviceProfiles
internal import Yams

/// Collects the findings for one file (the station file or its roster) while it is parsed and checked.
final class Diagnostics {
    let file: String
    private(set) var items: [StationDiagnostic] = []

    init(file: String) {
        self.file = file
    }

    /// The place of `node` in the file (0:0 when Yams gave none).
    func location(of node: Node?) -> SourceLocation {
        SourceLocation(file: file, line: node?.mark?.line ?? 0, column: node?.mark?.column ?? 0)
    }

    func report(_ node: Node?, _ field: String, _ message: String) {
        items.append(StationDiagnostic(severity: .error, location: location(of: node), field: field, message: message))
    }

    func warn(_ node: Node?, _ field: String, _ message: String) {
        items.append(StationDiagnostic(severity: .warning, location: location(of: node), field: field, message: message))
    }

    func report(at location: SourceLocation, _ field: String, _ message: String) {
        items.append(StationDiagnostic(severity: .error, location: location, field: field, message: message))
    }

    func append(_ others: [StationDiagnostic]) {
        items.append(contentsOf: others)
    }

    var hasErrors: Bool { items.contains { $0.severity == .error } }

    /// The findings sorted by position, those of this file first.
    var sorted: [StationDiagnostic] {
        items.enumerated().sorted { lhs, rhs in
            let left = lhs.element.location, right = rhs.element.location
            if left.file != right.file { return left.file == file }
            if left.line != right.line { return left.line < right.line }
            if left.column != right.column { return left.column < right.column }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }
}
