/// Every problem found in a station file, not just the first; thrown when any of them is an error.
public struct StationLoadError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Errors and warnings, the station file's first, each file in line order.
    public var diagnostics: [StationDiagnostic]

    public init(diagnostics: [StationDiagnostic]) {
        self.diagnostics = diagnostics
    }

    /// Only the errors.
    public var errors: [StationDiagnostic] { diagnostics.filter { $0.severity == .error } }

    /// One diagnostic per line.
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
