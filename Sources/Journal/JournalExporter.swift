public import Foundation

/// Writes a person's record or a date range as JSON or CSV, for auditors and courts.
///
/// JSON keeps every field (bodies as their JSON text when they are UTF-8, base64 otherwise) with sorted
/// keys, so two exports of the same data are byte-identical. CSV is one row per event, in time order,
/// for a spreadsheet.
public struct JournalExporter: Sendable {
    /// The output format.
    public enum Format: String, Sendable, CaseIterable {
        case json, csv
    }

    private let reader: JournalReader

    /// An exporter reading through `reader`.
    public init(reader: JournalReader) { self.reader = reader }

    /// One person's full record.
    public func person(_ person: String, format: Format, now: UTCMillis) throws(JournalError) -> Data {
        let timeline = try reader.timeline(person: person, now: now)
        switch format {
        case .json:
            return Self.json(PersonRecord(timeline))
        case .csv:
            var rows: [[String]] = []
            for session in timeline.sessions {
                rows.append([Self.time(session.arrivedAt), "custody-opened", "", session.displayName, "", ""])
                if let released = session.releasedAt {
                    rows.append([Self.time(released), "custody-closed", "", session.outcome ?? "", "", ""])
                }
            }
            for visit in timeline.visits {
                rows.append([Self.time(visit.enteredAt), "zone-entered", visit.zone, "", "", ""])
                if let left = visit.leftAt { rows.append([Self.time(left), "zone-left", visit.zone, "", "", ""]) }
            }
            for alert in timeline.alerts {
                rows.append([Self.time(alert.raisedAt), "alert-raised", alert.zone ?? "",
                             "\(alert.rule) \(alert.level.rawValue): \(alert.message)", "", ""])
                if let at = alert.acknowledgedAt {
                    rows.append([Self.time(at), "alert-acknowledged", alert.zone ?? "", alert.rule,
                                 alert.acknowledgedBy ?? "", ""])
                }
                if let at = alert.clearedAt {
                    rows.append([Self.time(at), "alert-cleared", alert.zone ?? "", alert.rule, "", ""])
                }
            }
            for entry in timeline.entries {
                rows.append([Self.time(entry.at), entry.kind.rawValue, "", Self.bodyText(entry.body),
                             entry.actor ?? "", String(entry.seq)])
            }
            let sorted = rows.enumerated().sorted { ($0.element[0], $0.offset) < ($1.element[0], $1.offset) }
            return Self.csv(header: ["time_utc", "event", "zone", "detail", "actor", "seq"],
                            rows: sorted.map(\.element))
        }
    }

    /// Every entry with a time in `from..<to`, in sequence order.
    public func range(from: UTCMillis, to: UTCMillis, format: Format) throws(JournalError) -> Data {
        let entries = try reader.entries(from: from, to: to)
        switch format {
        case .json:
            return Self.json(entries.map(ExportedEntry.init))
        case .csv:
            return Self.csv(header: ["seq", "time_utc", "kind", "subject", "actor", "body", "hash", "changes"],
                            rows: entries.map { entry in
                                [String(entry.seq), Self.time(entry.at), entry.kind.rawValue,
                                 entry.subject.description, entry.actor ?? "", Self.bodyText(entry.body),
                                 Self.hex(entry.hash),
                                 entry.changes.isEmpty ? "" : Self.bodyText(ProjectionChange.encodeList(entry.changes))]
                            })
        }
    }

    /// ISO 8601 in UTC with milliseconds, computed directly (exports may format millions of times).
    static func time(_ millis: UTCMillis) -> String {
        let (seconds, fraction) = millis.quotientAndRemainder(dividingBy: 1000)
        var wholeSeconds = time_t(fraction < 0 ? seconds - 1 : seconds)
        var parts = tm()
        gmtime_r(&wholeSeconds, &parts)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1,
                      Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec),
                      Int(fraction < 0 ? fraction + 1000 : fraction))
    }

    static func hex(_ data: Data) -> String { data.map { String(format: "%02x", $0) }.joined() }

    static func bodyText(_ body: Data) -> String {
        String(data: body, encoding: .utf8) ?? "base64:" + body.base64EncodedString()
    }

    private static func json(_ value: some Encodable) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        // Every exported type holds only strings, numbers and arrays of them: encoding cannot fail.
        return (try? encoder.encode(value)) ?? Data()
    }

    private static func csv(header: [String], rows: [[String]]) -> Data {
        var text = header.joined(separator: ",") + "\r\n"
        for row in rows { text += row.map(Self.csvField).joined(separator: ",") + "\r\n" }
        return Data(text.utf8)
    }

    private static func csvField(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
