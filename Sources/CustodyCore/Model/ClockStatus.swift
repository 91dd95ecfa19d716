/// One running custody clock of a person, as a supervisor's screen shows it.
public struct ClockStatus: Sendable, Hashable, Codable {
    public var rule: RuleID
    /// What the clock is for (`limit`, `absolute`, or a CLK-05 duty).
    public var condition: String
    public var start: Timestamp
    public var end: Timestamp
    /// The open alert level of this clock, if any.
    public var level: AlertLevel?
    /// Time left until `end` (negative when overrun).
    public var remaining: TimeSpan
    /// When the ladder next steps (warn, warn2, critical, alarm), if a step is ahead.
    public var nextStep: Timestamp?

    public init(
        rule: RuleID, condition: String, start: Timestamp, end: Timestamp, level: AlertLevel?, remaining: TimeSpan,
        nextStep: Timestamp?
    ) {
        self.rule = rule
        self.condition = condition
        self.start = start
        self.end = end
        self.level = level
        self.remaining = remaining
        self.nextStep = nextStep
    }
}
