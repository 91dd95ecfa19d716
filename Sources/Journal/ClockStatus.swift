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
