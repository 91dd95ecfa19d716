import Foundation

/// Reading loosely typed JSON and formatting times for custodyctl's tables.
enum StationFormat {
    static func string(_ value: Any?) -> String {
        switch value {
        case nil, is NSNull: ""
        case let text as String: text
        case let number as NSNumber:
            String(cString: number.objCType) == "c" ? (number.boolValue ? "yes" : "no") : number.stringValue
        default: "\(value!)"
        }
    }

    static func int(_ value: Any?) -> Int64? { (value as? NSNumber)?.int64Value }

    /// UTC milliseconds as local `MM-dd HH:mm`.
    static func time(_ value: Any?) -> String {
        guard let millis = int(value) else { return "" }
        let formatter = DateFormatter()
        formatter.dateFormat = "MM-dd HH:mm"
        return formatter.string(from: Date(timeIntervalSince1970: Double(millis) / 1000))
    }

    /// A signed duration in milliseconds as `3h05m` (or `-0h12m` when overrun).
    static func duration(_ value: Any?) -> String {
        guard let millis = int(value) else { return "" }
        let minutes = abs(millis) / 60_000
        let text = "\(minutes / 60)h" + String(format: "%02dm", Int(minutes % 60))
        return millis < 0 ? "-" + text : text
    }

    /// The clock of a person that ends first, as `CLK-01 3h05m left (warn)`.
    static func nextClock(_ person: [String: Any]) -> String {
        guard let clocks = person["clocks"] as? [[String: Any]], let first = clocks.first else { return "" }
        var text = "\(string(first["rule"])) \(duration(first["remaining_ms"])) left"
        if let level = first["level"] as? String { text += " (\(level))" }
        return text
    }

    /// A people table.
    static func people(_ list: [[String: Any]]) -> String {
        var table = TextTable("PERSON", "ROLE", "AGE", "MEASURE", "ZONE", "INTAKE", "NEXT CLOCK")
        for person in list {
            let steps = ["safety_checked", "health_checked", "belongings_listed"].filter { person[$0] as? Bool == true }
            table.add(
                string(person["id"]), string(person["role"]), string(person["age"]), string(person["measure"]),
                string(person["zone"]), "\(steps.count)/3", nextClock(person))
        }
        return table.render()
    }

    /// An alerts table.
    static func alerts(_ list: [[String: Any]]) -> String {
        var table = TextTable("LEVEL", "RULE", "PERSON", "ZONE", "RAISED", "ACK", "ID")
        for alert in list {
            table.add(
                string(alert["level"]), string(alert["rule"]), string(alert["person"]), string(alert["zone"]),
                time(alert["raised_at"]), string(alert["acknowledged_by"]), string(alert["id"]))
        }
        return table.render()
    }
}
