/// Every problem found while loading one or more profiles, not just the first.
public struct ProfileLoadError: Error, Sendable, Hashable, CustomStringConvertible {
    /// In file order, then line order.
    public var diagnostics: [ProfileDiagnostic]

    public init(diagnostics: [ProfileDiagnostic]) {
        self.diagnostics = diagnostics
    }

    /// One diagnostic per line.
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
