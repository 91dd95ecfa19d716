public import DeviceProfiles

/// The station's changes to rule defaults, keyed by rule id and then parameter name.
///
/// Only parameters the file sets are present; the core keeps its own defaults for the rest
/// (``RuleCatalogue`` lists them). Durations are in seconds whatever unit the name has.
public struct RuleOverrides: Sendable, Hashable {
    /// One written override, with its place so the journal can cite it.
    public struct Entry: Sendable, Hashable {
        /// e.g. `CLK-01`.
        public var rule: String
        /// e.g. `limit_hours`.
        public var parameter: String
        /// The typed value.
        public var value: RuleParameterValue
        /// Where it is written.
        public var location: SourceLocation

        public init(rule: String, parameter: String, value: RuleParameterValue, location: SourceLocation = .unknown) {
            self.rule = rule
            self.parameter = parameter
            self.value = value
            self.location = location
        }
    }

    /// In file order.
    public var entries: [Entry]

    public init(entries: [Entry] = []) {
        self.entries = entries
    }

    /// `[rule id: [parameter name: value]]`, the shape the station service hands to the core.
    public var values: [String: [String: RuleParameterValue]] {
        entries.reduce(into: [:]) { $0[$1.rule, default: [:]][$1.parameter] = $1.value }
    }

    /// The override of `parameter` of `rule`, if the file sets it.
    public func value(rule: String, parameter: String) -> RuleParameterValue? {
        entries.last { $0.rule == rule && $0.parameter == parameter }?.value
    }

    /// Whether the file overrides nothing.
    public var isEmpty: Bool { entries.isEmpty }
}
