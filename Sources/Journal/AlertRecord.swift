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

/// Where an alert stands: raised and unanswered, acknowledged by an officer, or cleared by the core.
public enum AlertState: String, Sendable, Hashable, Codable, CaseIterable {
    case open, acknowledged, cleared
}

/// Which alerts a query returns; every field left nil matches everything.
public struct AlertFilter: Sendable, Hashable {
    /// Alerts in any of these states.
    public var states: Set<AlertState>?
    public var rule: String?
    /// Alerts at this level or above.
    public var minimumLevel: AlertLevel?
    public var zone: String?
    public var person: String?
    /// Raised at or after this time.
    public var from: UTCMillis?
    /// Raised before this time.
    public var to: UTCMillis?
    /// The most alerts returned.
    public var limit: Int

    /// A filter; every criterion left nil matches everything.
    public init(states: Set<AlertState>? = nil, rule: String? = nil, minimumLevel: AlertLevel? = nil,
                zone: String? = nil, person: String? = nil, from: UTCMillis? = nil, to: UTCMillis? = nil,
                limit: Int = 10_000) {
        self.states = states
        self.rule = rule
        self.minimumLevel = minimumLevel
        self.zone = zone
        self.person = person
        self.from = from
        self.to = to
        self.limit = limit
    }

    /// Alerts not yet cleared (open or acknowledged).
    public static let active = AlertFilter(states: [.open, .acknowledged])
}
