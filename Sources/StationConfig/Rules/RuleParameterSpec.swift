/// One tunable parameter of a rule: its name, type, default and allowed range.
public struct RuleParameterSpec: Sendable, Hashable {
    /// How the value is written and stored.
    public enum Kind: Sendable, Hashable {
        /// A duration in the unit the name ends with; stored as seconds.
        case duration(secondsPerUnit: Int)
        /// A whole number.
        case count
        /// A real number.
        case number
        /// true or false.
        case flag
    }

    /// As written under the rule id, e.g. `limit_hours`.
    public var name: String
    /// Duration, count, number or flag.
    public var kind: Kind
    /// The value RULES.md gives, in the written unit (hours for `…_hours`).
    public var defaultValue: Double
    /// The smallest value accepted, in the written unit.
    public var minimum: Double
    /// The largest value accepted, in the written unit.
    public var maximum: Double

    public init(name: String, kind: Kind, defaultValue: Double, minimum: Double, maximum: Double) {
        self.name = name
        self.kind = kind
        self.defaultValue = defaultValue
        self.minimum = minimum
        self.maximum = maximum
    }

    /// A duration parameter; the unit comes from the name's suffix.
    static func duration(_ name: String, _ defaultValue: Double, _ range: ClosedRange<Double>) -> RuleParameterSpec {
        let unit = name.hasSuffix("_hours") ? 3600 : name.hasSuffix("_minutes") ? 60 : 1
        return RuleParameterSpec(name: name, kind: .duration(secondsPerUnit: unit), defaultValue: defaultValue,
            minimum: range.lowerBound, maximum: range.upperBound)
    }

    static func count(_ name: String, _ defaultValue: Int, _ range: ClosedRange<Int>) -> RuleParameterSpec {
        RuleParameterSpec(name: name, kind: .count, defaultValue: Double(defaultValue),
            minimum: Double(range.lowerBound), maximum: Double(range.upperBound))
    }

    static func number(_ name: String, _ defaultValue: Double, _ range: ClosedRange<Double>) -> RuleParameterSpec {
        RuleParameterSpec(name: name, kind: .number, defaultValue: defaultValue, minimum: range.lowerBound,
            maximum: range.upperBound)
    }

    static func flag(_ name: String, _ defaultValue: Bool) -> RuleParameterSpec {
        RuleParameterSpec(name: name, kind: .flag, defaultValue: defaultValue ? 1 : 0, minimum: 0, maximum: 1)
    }

    /// The default as a typed value.
    public var defaultParameterValue: RuleParameterValue {
        switch kind {
        case .duration(let unit): .seconds(Int((defaultValue * Double(unit)).rounded()))
        case .count: .count(Int(defaultValue))
        case .number: .number(defaultValue)
        case .flag: .flag(defaultValue != 0)
        }
    }
}
