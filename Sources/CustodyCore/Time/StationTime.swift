/// Station-local wall-clock arithmetic for the rules that depend on the time of day
/// (meal windows, no questioning at night, night release of vulnerable people).
///
/// Chinese stations have no daylight-saving time, so a fixed UTC offset in minutes is exact.
public struct StationTime: Sendable, Hashable, Codable {
    /// The station's offset from UTC in minutes (Beijing: +480).
    public var utcOffsetMinutes: Int64

    public init(utcOffsetMinutes: Int64) {
        self.utcOffsetMinutes = utcOffsetMinutes
    }

    private static let minuteMs: Int64 = 60_000
    private static let dayMs: Int64 = 86_400_000

    private func localMilliseconds(_ time: Timestamp) -> Int64 {
        time.milliseconds + utcOffsetMinutes * Self.minuteMs
    }

    private static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        a >= 0 ? a / b : -((-a + b - 1) / b)
    }

    /// The local calendar date at `time`.
    public func date(at time: Timestamp) -> CalendarDate {
        CalendarDate(daysSinceEpoch: Self.floorDiv(localMilliseconds(time), Self.dayMs))
    }

    /// Minutes since local midnight at `time` (0–1439).
    public func minuteOfDay(at time: Timestamp) -> Int64 {
        let local = localMilliseconds(time)
        return (local - Self.floorDiv(local, Self.dayMs) * Self.dayMs) / Self.minuteMs
    }

    /// The UTC instant of local midnight that begins the day containing `time`.
    public func startOfDay(containing time: Timestamp) -> Timestamp {
        let local = localMilliseconds(time)
        let midnight = Self.floorDiv(local, Self.dayMs) * Self.dayMs
        return Timestamp(milliseconds: midnight - utcOffsetMinutes * Self.minuteMs)
    }

    /// Whether `time` falls inside the daily window from `start` to `end` (minutes of day, end exclusive);
    /// a window may wrap midnight (21:00–07:00).
    public func isWithin(_ window: DailyWindow, at time: Timestamp) -> Bool {
        let minute = minuteOfDay(at: time)
        if window.startMinute <= window.endMinute {
            return minute >= window.startMinute && minute < window.endMinute
        }
        return minute >= window.startMinute || minute < window.endMinute
    }

    /// The first instant strictly after `time` at which local time reads `minute` minutes past midnight.
    public func next(minuteOfDay minute: Int64, after time: Timestamp) -> Timestamp {
        let day = startOfDay(containing: time)
        let candidate = day + .minutes(minute)
        return candidate > time ? candidate : candidate + .hours(24)
    }
}

/// A daily window of local time, in minutes since midnight; `endMinute` is exclusive and may be
/// smaller than `startMinute` for a window that wraps midnight.
public struct DailyWindow: Sendable, Hashable, Codable {
    public var startMinute: Int64
    public var endMinute: Int64

    /// A window from `start` hours to `end` hours, local time.
    public static func hours(_ start: Int64, _ end: Int64) -> DailyWindow {
        DailyWindow(startMinute: start * 60, endMinute: end * 60)
    }

    public init(startMinute: Int64, endMinute: Int64) {
        self.startMinute = startMinute
        self.endMinute = endMinute
    }
}
