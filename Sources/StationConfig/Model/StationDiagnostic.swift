public import DeviceProfiles

/// One finding in a station file (or its roster), with its place and the field it concerns.
public struct StationDiagnostic: Sendable, Hashable, CustomStringConvertible {
    /// Whether the finding stops the station file from loading.
    public enum Severity: String, Sendable, Hashable {
        /// The file is refused.
        case error
        /// The file loads; a technician should look.
        case warning
    }

    /// Error or warning.
    public var severity: Severity
    /// Where the problem is.
    public var location: SourceLocation
    /// The field, as a path: `zones.holding-1.capacity`, or `zones[3].id` before an id is known.
    public var field: String
    /// What was expected, in words a technician can act on.
    public var message: String

    public init(severity: Severity, location: SourceLocation, field: String, message: String) {
        self.severity = severity
        self.location = location
        self.field = field
        self.message = message
    }

    /// A finding of the loader, with its severity.
    init(_ finding: Finding) {
        let severity: Severity =
            switch finding.severity {
            case .error: .error
            case .warning: .warning
            }
        self.init(severity: severity, location: finding.location, field: finding.field, message: finding.message)
    }

    /// `file:line:column: field: message` for an error; `file:line:column: warning: field: message`
    /// for a warning.
    public var description: String {
        switch severity {
        case .error: "\(location): \(field): \(message)"
        case .warning: "\(location): warning: \(field): \(message)"
        }
    }
}
