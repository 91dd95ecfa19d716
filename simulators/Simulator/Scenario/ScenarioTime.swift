import CustodyCore

/// Times and durations as scenarios write them: `2026-11-25T10:00:00+08:00`, `90s`, `2h30m`, `+12h`.
enum ScenarioTime {
    /// Parses a duration: one or more `<number><unit>` with unit `ms`, `s`, `m`, `h` or `d`.
    static func duration(_ text: String) -> TimeSpan? {
        var body = Substring(text.trimmingPrefix("+"))
        guard !body.isEmpty else { return nil }
        var total: Int64 = 0
        while !body.isEmpty {
            let digits = body.prefix { $0.isNumber }
            guard let value = Int64(digits) else { return nil }
            body = body.dropFirst(digits.count)
            let unit = body.prefix { $0.isLetter }
            body = body.dropFirst(unit.count)
            switch unit {
            case "ms": total += value
            case "s": total += value * 1_000
            case "m": total += value * 60_000
            case "h": total += value * 3_600_000
            case "d": total += value * 86_400_000
            default: return nil
            }
        }
        return TimeSpan(milliseconds: total)
    }

    /// Parses `YYYY-MM-DDTHH:MM[:SS](Z|±HH:MM)` into the UTC instant and the offset in minutes.
    static func instant(_ text: String) -> (time: Timestamp, offsetMinutes: Int64)? {
        let halves = text.split(separator: "T")
        guard halves.count == 2, let date = CalendarDate(iso: String(halves[0])) else { return nil }
        var clock = Substring(halves[1])
        var offset: Int64 = 0
        if clock.hasSuffix("Z") {
            clock = clock.dropLast()
        } else if let sign = clock.lastIndex(where: { $0 == "+" || $0 == "-" }) {
            let parts = clock[clock.index(after: sign)...].split(separator: ":")
            guard parts.count == 2, let hours = Int64(parts[0]), let minutes = Int64(parts[1]) else { return nil }
            offset = (hours * 60 + minutes) * (clock[sign] == "-" ? -1 : 1)
            clock = clock[..<sign]
        } else {
            return nil
        }
        let fields = clock.split(separator: ":").map { Int64($0) }
        guard (2...3).contains(fields.count), fields.allSatisfy({ $0 != nil }) else { return nil }
        let hour = fields[0]!, minute = fields[1]!, second = fields.count == 3 ? fields[2]! : 0
        guard (0..<24).contains(hour), (0..<60).contains(minute), (0..<60).contains(second) else { return nil }
        let local = date.daysSinceEpoch * 86_400_000 + ((hour * 60 + minute) * 60 + second) * 1_000
        return (Timestamp(milliseconds: local - offset * 60_000), offset)
    }

    /// `+2h30m5s` for messages: the offset of `time` from the scenario start.
    static func offset(_ time: Timestamp, from start: Timestamp) -> String {
        var rest = (time - start).milliseconds / 1_000
        let hours = rest / 3_600
        rest %= 3_600
        var text = "+\(hours)h"
        if rest / 60 > 0 || rest % 60 > 0 { text += "\(rest / 60)m" }
        if rest % 60 > 0 { text += "\(rest % 60)s" }
        return text
    }
}
