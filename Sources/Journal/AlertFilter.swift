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
