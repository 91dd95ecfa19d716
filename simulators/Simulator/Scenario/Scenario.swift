public import CustodyCore

/// A scenario: a station, a start time, and timed steps with expectations, run against the core in
/// virtual time. See simulators/scenarios/README.md for the file format.
public struct Scenario: Sendable {
    public var name: String
    public var file: String
    public var start: Timestamp
    public var layout: StationLayout
    public var parameters: RuleParameters
    public var steps: [Step]

    /// What an alert must look like to match: the rule and any of level, subject and condition.
    public struct AlertMatch: Sendable, CustomStringConvertible {
        public var rule: RuleID
        public var level: AlertLevel?
        public var condition: String?
        public var person: PersonID?
        public var zone: ZoneID?
        public var door: DoorID?
        public var tag: TagID?

        public init(rule: RuleID, level: AlertLevel? = nil) {
            self.rule = rule
            self.level = level
        }

        public func matches(_ alert: Alert) -> Bool {
            alert.key.rule == rule && (level == nil || alert.level == level)
                && (condition == nil || alert.key.condition == condition) && (person == nil || alert.key.person == person)
                && (zone == nil || alert.key.zone == zone) && (door == nil || alert.key.door == door)
                && (tag == nil || alert.key.tag == tag)
        }

        public var description: String {
            var parts = [rule.rawValue]
            if let level { parts.append(level.rawValue) }
            if let condition { parts.append(condition) }
            if let person { parts.append("person=\(person)") }
            if let zone { parts.append("zone=\(zone)") }
            if let door { parts.append("door=\(door)") }
            if let tag { parts.append("tag=\(tag)") }
            return parts.joined(separator: " ")
        }
    }

    /// One timed step. `at` (from the start) first advances virtual time, ticking every deadline.
    public struct Step: Sendable {
        public enum Action: Sendable {
            /// An officer's command; `rejected` names the rejection reason the step expects, if any.
            case command(Command, rejected: String?)
            case observe(Observation)
            case advance(TimeSpan)
            /// The alert must have been raised (or reached the level) by `by` (default: this step's time).
            case expect(AlertMatch, by: TimeSpan?)
            /// No matching alert may be raised during the whole run.
            case never(AlertMatch)
        }

        public var line: Int
        public var at: TimeSpan?
        public var action: Action
    }
}
