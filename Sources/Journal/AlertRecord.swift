/// An alert as the projections hold it.
public struct AlertRecord: Sendable, Hashable, Codable {
    /// The core's id for the alert, stable from raise to clear.
    public var id: String
    /// The rule that raised it (RULES.md id, e.g. `CLK-01`).
    public var rule: String
    public var level: AlertLevel
    public var person: String?
    public var zone: String?
    public var message: String
    public var raisedAt: UTCMillis
    public var updatedAt: UTCMillis
    /// The officer who acknowledged it.
    public var acknowledgedBy: String?
    public var acknowledgedAt: UTCMillis?
    public var clearedAt: UTCMillis?

    /// Where the alert stands.
    public var state: AlertState {
        if clearedAt != nil { return .cleared }
        return acknowledgedBy == nil ? .open : .acknowledged
    }
}
