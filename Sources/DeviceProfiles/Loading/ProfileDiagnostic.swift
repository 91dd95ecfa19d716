/// One problem found in a profile file, with its place and the field it concerns.
public struct ProfileDiagnostic: Sendable, Hashable, CustomStringConvertible {
    /// Where the problem is.
    public var location: SourceLocation
    /// The field, as a path: `points.temperature.address`, or `points[3].name` before a name is known.
    public var field: String
    /// What was expected, in words a technician can act on.
    public var message: String

    public init(location: SourceLocation, field: String, message: String) {
        self.location = location
        self.field = field
        self.message = message
    }

    /// A finding of the loader; profiles have no warnings, so every finding is an error.
    init(_ finding: Finding) {
        self.init(location: finding.location, field: finding.field, message: finding.message)
    }

    /// `file:line:column: field: message`, one line.
    public var description: String { "\(location): \(field): \(message)" }
}
