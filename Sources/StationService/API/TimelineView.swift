import Foundation
public import Journal

/// A person's record from the journal (`GET /v1/people/{id}/timeline`): sessions, zone visits, alerts, and
/// every journal entry about them with its body as JSON text.
public struct TimelineView: Sendable, Codable {
    /// One journal entry, readable: the body as its JSON text.
    public struct Entry: Sendable, Codable {
        public var seq: Int64
        public var at: Int64
        public var kind: String
        public var actor: String?
        public var body: String
    }

    public var person: String
    public var sessions: [CustodySession]
    public var visits: [ZoneVisit]
    public var alerts: [AlertRecord]
    public var entries: [Entry]

    public init(_ timeline: PersonTimeline) {
        person = timeline.person
        sessions = timeline.sessions
        visits = timeline.visits
        alerts = timeline.alerts
        entries = timeline.entries.map { entry in
            Entry(seq: entry.seq, at: entry.at, kind: entry.kind.rawValue, actor: entry.actor,
                  body: entry.bodyText ?? entry.body.base64EncodedString())
        }
    }
}
