/// A named fact that triggered an alert, kept as an ordered list so encodings never depend on
/// dictionary order.
public struct Fact: Sendable, Hashable, Codable {
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// A rule's finding. Officers acknowledge it (which does not clear it); only the core clears it,
/// when the fact that raised it resolves.
public struct Alert: Sendable, Hashable, Codable {
    public var key: AlertKey
    public var level: AlertLevel
    /// What a duty officer reads: what is wrong and what to do.
    public var message: String
    /// The facts that triggered the alert at its last change.
    public var facts: [Fact]
    public var raisedAt: Timestamp
    /// When the level last changed or the alarm was last repeated.
    public var notifiedAt: Timestamp
    /// The officer who acknowledged the current level, if anyone has.
    public var acknowledgedBy: OfficerID?

    public init(
        key: AlertKey, level: AlertLevel, message: String, facts: [Fact], raisedAt: Timestamp,
        notifiedAt: Timestamp, acknowledgedBy: OfficerID? = nil
    ) {
        self.key = key
        self.level = level
        self.message = message
        self.facts = facts
        self.raisedAt = raisedAt
        self.notifiedAt = notifiedAt
        self.acknowledgedBy = acknowledgedBy
    }

    enum CodingKeys: String, CodingKey {
        case key, level, message, facts
        case raisedAt = "raised_at"
        case notifiedAt = "notified_at"
        case acknowledgedBy = "acknowledged_by"
    }
}
