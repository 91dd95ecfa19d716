/// A length of time in milliseconds: rule limits, grace periods, intervals.
///
/// Encodes as a bare integer of milliseconds so station files and journals stay readable.
public struct TimeSpan: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The length in milliseconds.
    public var milliseconds: Int64

    /// A span of the given number of milliseconds.
    public init(milliseconds: Int64) {
        self.milliseconds = milliseconds
    }

    /// A span of whole seconds.
    public static func seconds(_ value: Int64) -> TimeSpan { TimeSpan(milliseconds: value * 1_000) }
    /// A span of whole minutes.
    public static func minutes(_ value: Int64) -> TimeSpan { TimeSpan(milliseconds: value * 60_000) }
    /// A span of whole hours.
    public static func hours(_ value: Int64) -> TimeSpan { TimeSpan(milliseconds: value * 3_600_000) }
    /// No time at all.
    public static let zero = TimeSpan(milliseconds: 0)

    public init(from decoder: any Decoder) throws {
        milliseconds = try decoder.singleValueContainer().decode(Int64.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(milliseconds)
    }

    public static func < (lhs: TimeSpan, rhs: TimeSpan) -> Bool { lhs.milliseconds < rhs.milliseconds }
    public static func + (lhs: TimeSpan, rhs: TimeSpan) -> TimeSpan {
        TimeSpan(milliseconds: lhs.milliseconds + rhs.milliseconds)
    }
    public static func - (lhs: TimeSpan, rhs: TimeSpan) -> TimeSpan {
        TimeSpan(milliseconds: lhs.milliseconds - rhs.milliseconds)
    }
    public static func / (lhs: TimeSpan, rhs: Int64) -> TimeSpan {
        TimeSpan(milliseconds: lhs.milliseconds / rhs)
    }
    public static func * (lhs: TimeSpan, rhs: Int64) -> TimeSpan {
        TimeSpan(milliseconds: lhs.milliseconds * rhs)
    }

    /// Whole minutes in this span, rounded toward zero (for messages).
    public var wholeMinutes: Int64 { milliseconds / 60_000 }

    public var description: String {
        let minutes = milliseconds / 60_000
        if milliseconds % 60_000 == 0 {
            return minutes % 60 == 0 ? "\(minutes / 60)h" : "\(minutes / 60)h\(minutes % 60)m"
        }
        return "\(milliseconds / 1_000)s"
    }
}
