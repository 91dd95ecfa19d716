internal import DeviceProfiles
internal import Foundation
internal import Yams

extension StationParser {
    struct Header {
        let id: String
        let name: String
        let timeZone: StationTimeZone
    }

    /// `station: {id, name, time_zone, utc_offset}`.
    func parseHeader(_ node: Node) -> Header? {
        guard let map = MappingView(node, path: "station", diagnostics: diagnostics) else { return nil }
        map.checkKeys(required: ["id", "time_zone", "utc_offset"], optional: ["name"], diagnostics: diagnostics)
        let id = read.identifier(map["id"], "station.id")
        let name = read.string(map["name"], "station.name")
        let zone = timeZone(map["time_zone"])
        let offset = utcOffset(map["utc_offset"])
        if let zone, let offset { checkOffset(zone, offset, node: map["utc_offset"]) }
        guard let id, let zone, let offset else { return nil }
        return Header(id: id, name: name ?? id, timeZone: StationTimeZone(identifier: zone.identifier, utcOffsetSeconds: offset))
    }

    private func timeZone(_ node: Node?) -> TimeZone? {
        guard let text = read.string(node, "station.time_zone") else { return nil }
        guard text.contains("/") || text == "UTC", let zone = TimeZone(identifier: text) else {
            diagnostics.report(node, "station.time_zone", "unknown time zone '\(text)' (expected an IANA name such as Asia/Shanghai)")
            return nil
        }
        return zone
    }

    /// `+08:00`, `-05:30` or `Z`, in seconds east of UTC.
    private func utcOffset(_ node: Node?) -> Int? {
        guard let text = read.string(node, "station.utc_offset") else { return nil }
        if text == "Z" { return 0 }
        let scalars = Array(text.unicodeScalars)
        let digits = scalars.count == 6 ? [scalars[1], scalars[2], scalars[4], scalars[5]] : []
        guard scalars.count == 6, scalars[0] == "+" || scalars[0] == "-", scalars[3] == ":",
            digits.allSatisfy({ ("0"..."9").contains($0) }),
            let hours = Int(String(String.UnicodeScalarView(digits[0...1]))),
            let minutes = Int(String(String.UnicodeScalarView(digits[2...3]))), hours <= 14, minutes < 60
        else {
            diagnostics.report(node, "station.utc_offset", "expected an offset like +08:00, got '\(text)'")
            return nil
        }
        let seconds = hours * 3600 + minutes * 60
        return scalars[0] == "-" ? -seconds : seconds
    }

    /// The offset must be one the zone uses this year; a zone that changes offset gets a warning,
    /// since the core keeps one offset all year.
    private func checkOffset(_ zone: TimeZone, _ offset: Int, node: Node?) {
        let now = Date()
        let day: TimeInterval = 86400
        let offsets = Set((0..<24).map { zone.secondsFromGMT(for: now.addingTimeInterval(Double($0) * 15.25 * day)) })
        let written = StationTimeZone(identifier: zone.identifier, utcOffsetSeconds: offset).offsetText
        let used = offsets.sorted().map { StationTimeZone(identifier: zone.identifier, utcOffsetSeconds: $0).offsetText }
        guard offsets.contains(offset) else {
            diagnostics.report(
                node, "station.utc_offset",
                "\(zone.identifier) is at \(used.joined(separator: " or ")), not \(written)")
            return
        }
        if offsets.count > 1 {
            diagnostics.warn(
                node, "station.utc_offset",
                "\(zone.identifier) changes between \(used.joined(separator: " and ")) during the year; the rules "
                    + "use \(written) all year")
        }
    }
}
