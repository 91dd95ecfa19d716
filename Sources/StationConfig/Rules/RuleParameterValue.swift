/// A rule parameter's value, typed by the parameter's name and the catalogue.
public enum RuleParameterValue: Sendable, Hashable, CustomStringConvertible {
    /// A duration, normalised to whole seconds from a `…_hours`, `…_minutes` or `…_seconds` parameter.
    case seconds(Int)
    /// A whole number: officers, misses, an hour of the day.
    case count(Int)
    /// A measured value in the unit its name says: °C, %RH, ppm, per minute, m², percent.
    case number(Double)
    /// A switch.
    case flag(Bool)

    public var description: String {
        switch self {
        case .seconds(let seconds): "\(seconds) s"
        case .count(let count): String(count)
        case .number(let number): String(number)
        case .flag(let flag): String(flag)
        }
    }
}
