import Foundation

/// An entry as exported to JSON: readable times, the body as text, the hash in hex.
struct ExportedEntry: Encodable {
    var seq: Int64
    var atMs: UTCMillis
    var timeUTC: String
    var kind: String
    var subject: String
    var actor: String?
    var body: String
    var hash: String
    var changes: [ProjectionChange]?

    init(_ entry: JournalEntry) {
        seq = entry.seq
        atMs = entry.at
        timeUTC = JournalExporter.time(entry.at)
        kind = entry.kind.rawValue
        subject = entry.subject.description
        actor = entry.actor
        body = JournalExporter.bodyText(entry.body)
        hash = JournalExporter.hex(entry.hash)
        changes = entry.changes.isEmpty ? nil : entry.changes
    }
}

/// A person's record as exported to JSON.
struct PersonRecord: Encodable {
    var person: String
    var sessions: [CustodySession]
    var visits: [ZoneVisit]
    var alerts: [AlertRecord]
    var entries: [ExportedEntry]

    init(_ timeline: PersonTimeline) {
        person = timeline.person
        sessions = timeline.sessions
        visits = timeline.visits
        alerts = timeline.alerts
        entries = timeline.entries.map(ExportedEntry.init)
    }
}
