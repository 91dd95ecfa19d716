/// One problem found in a YAML document, at the node where it is written. Each loader turns findings
/// into its own public diagnostic type (``ProfileDiagnostic``, or the station file's).
package struct Finding: Sendable, Hashable {
    /// Whether the finding stops the document from loading.
    package enum Severity: Sendable, Hashable {
        /// The document is refused.
        case error
        /// The document loads; a technician should look.
        case warning
    }

    package var severity: Severity
    package var location: SourceLocation
    /// The field, as a path: `points.temperature.address`, or `zones[3].id` before an id is known.
    package var field: String
    /// What was expected, in words a technician can act on.
    package var message: String

    package init(severity: Severity, location: SourceLocation, field: String, message: String) {
        self.severity = severity
        self.location = location
        self.field = field
        self.message = message
    }
}
