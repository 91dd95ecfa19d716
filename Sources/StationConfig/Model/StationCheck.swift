/// The outcome of checking a station file: the station when it has no errors, and every finding.
public struct StationCheck: Sendable {
    /// Present when the file has no errors (warnings allowed).
    public var station: Station?
    /// Errors and warnings, the station file's first, each file in line order.
    public var diagnostics: [StationDiagnostic]

    public init(station: Station?, diagnostics: [StationDiagnostic]) {
        self.station = station
        self.diagnostics = diagnostics
    }

    /// The findings that refuse the file.
    public var errors: [StationDiagnostic] { diagnostics.filter { $0.severity == .error } }
    /// The findings a technician should look at.
    public var warnings: [StationDiagnostic] { diagnostics.filter { $0.severity == .warning } }
}
