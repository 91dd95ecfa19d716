import ArgumentParser
import Foundation
import Journal

/// `custodyctl export`: a person's record or a date range as JSON or CSV, from a journal file opened
/// read-only.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export a person's record or a date range from a journal as JSON or CSV (read-only).",
        discussion: """
            Examples:
              custodyctl export --db journal.db --person P-0012 --format csv
              custodyctl export --db journal.db --from 2026-01-01 --to 2026-02-01 --output january.json
            """
    )

    @Option(name: .customLong("db"), help: "The journal database file (a copy is fine).")
    var path: String

    @Option(help: "The person's id, for their full record.") var person: String?
    @Option(help: "Range start, inclusive (ISO 8601 date or date-time, UTC).") var from: String?
    @Option(help: "Range end, exclusive (ISO 8601 date or date-time, UTC).") var to: String?
    @Option(help: "json or csv.") var format: String = "json"
    @Option(help: "Write to this file instead of standard output.") var output: String?

    func validate() throws {
        guard JournalExporter.Format(rawValue: format) != nil else {
            throw ValidationError("--format must be json or csv")
        }
        guard (person != nil) != (from != nil || to != nil) else {
            throw ValidationError("give either --person, or --from and --to")
        }
        if person == nil, from == nil || to == nil { throw ValidationError("a range needs both --from and --to") }
    }

    func run() async throws {
        let format = JournalExporter.Format(rawValue: format) ?? .json
        let reader: JournalReader
        do { reader = try JournalReader(path: path, access: .audit) } catch {
            throw ValidationError(error.description)
        }
        let exporter = JournalExporter(reader: reader)
        let data: Data
        if let person {
            data = try exporter.person(person, format: format, now: .now())
        } else {
            data = try exporter.range(from: Self.parseTime(from ?? ""), to: Self.parseTime(to ?? ""), format: format)
        }
        if let output {
            try data.write(to: URL(fileURLWithPath: output), options: .atomic)
        } else {
            FileHandle.standardOutput.write(data)
        }
    }

    /// Parses `2026-01-01` (midnight UTC) or a full ISO 8601 date-time into UTC milliseconds.
    static func parseTime(_ text: String) throws -> UTCMillis {
        let full = ISO8601DateFormatter()
        full.formatOptions = [.withInternetDateTime]
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let day = ISO8601DateFormatter()
        day.formatOptions = [.withFullDate]
        guard let date = full.date(from: text) ?? fractional.date(from: text) ?? day.date(from: text) else {
            throw ValidationError("not a date or date-time: \(text) (use 2026-01-31 or 2026-01-31T08:00:00Z)")
        }
        return UTCMillis((date.timeIntervalSince1970 * 1000).rounded())
    }

    /// Formats UTC milliseconds as ISO 8601.
    static func formatTime(_ millis: UTCMillis) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: Date(timeIntervalSince1970: Double(millis) / 1000))
    }
}
