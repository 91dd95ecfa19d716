/// A person in custody now, with every running clock.
public struct CustodyStatus: Sendable, Hashable, Codable {
    public var session: Int64
    public var person: String
    public var displayName: String
    /// The last four characters of the ID number; the number itself is never stored.
    public var idLast4: String?
    public var arrivedAt: UTCMillis
    /// Time in custody at the moment of the query.
    public var heldMs: Int64
    /// The zone the person was last seen in.
    public var zone: String?
    public var clocks: [ClockStatus]
}

/// One legal clock of a person, as of the query time.
public struct ClockStatus: Sendable, Hashable, Codable {
    public var clock: String
    public var startedAt: UTCMillis
    public var limitAt: UTCMillis
    public var nextStepAt: UTCMillis?
    public var nextLevel: AlertLevel?
    public var stoppedAt: UTCMillis?
    /// Time left until the limit (negative once past it).
    public var remainingMs: Int64
    /// Time left until the next step of the ladder, when one is due.
    public var untilNextStepMs: Int64?
}
