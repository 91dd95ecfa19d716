public import Foundation

/// One stored entry, as read back for replay, queries and export.
public struct JournalEntry: Sendable, Hashable, Codable {
    /// Position in the chain, from 1 with no gaps.
    public var seq: Int64
    public var at: UTCMillis
    public var kind: EntryKind
    public var subject: Subject
    public var actor: String?
    public var body: Data
    /// SHA-256 of the previous entry's hash and this entry's fields.
    public var hash: Data
    /// The projection changes the entry carried (empty for entries written before schema version 3).
    public var changes: [ProjectionChange]

    /// An entry as stored.
    public init(seq: Int64, at: UTCMillis, kind: EntryKind, subject: Subject, actor: String?, body: Data,
                hash: Data, changes: [ProjectionChange] = []) {
        self.seq = seq
        self.at = at
        self.kind = kind
        self.subject = subject
        self.actor = actor
        self.body = body
        self.hash = hash
        self.changes = changes
    }

    /// The body as text when it is UTF-8 (JSON bodies always are).
    public var bodyText: String? { String(data: body, encoding: .utf8) }
}
