public import Foundation

/// Milliseconds since 1970-01-01T00:00:00Z; how every time is persisted.
public typealias UTCMillis = Int64

/// What a caller appends: the entry itself plus the projection changes it implies.
///
/// The body is opaque to the journal (normally compact JSON produced by the caller). The changes are
/// applied in the same transaction as the entry, so queries never see one without the other.
public struct NewEntry: Sendable {
    /// When it happened, UTC. May be earlier than the previous entry (a fire release acts first and is
    /// journaled after).
    public var at: UTCMillis
    public var kind: EntryKind
    public var subject: Subject
    /// Who did it (an officer's id) when a person acted; nil for devices and the core.
    public var actor: String?
    /// The caller's payload, normally compact JSON; the journal never interprets it.
    public var body: Data
    /// Projection changes applied in the same transaction as the entry.
    public var changes: [ProjectionChange]

    /// An entry with a binary (or already encoded) body.
    public init(at: UTCMillis, kind: EntryKind, subject: Subject, actor: String? = nil, body: Data,
                changes: [ProjectionChange] = []) {
        self.at = at
        self.kind = kind
        self.subject = subject
        self.actor = actor
        self.body = body
        self.changes = changes
    }

    /// Convenience for a body given as JSON text.
    public init(at: UTCMillis, kind: EntryKind, subject: Subject, actor: String? = nil, json: String,
                changes: [ProjectionChange] = []) {
        self.init(at: at, kind: kind, subject: subject, actor: actor, body: Data(json.utf8), changes: changes)
    }
}

extension UTCMillis {
    /// The current wall-clock time in milliseconds.
    public static func now() -> UTCMillis { UTCMillis((Date().timeIntervalSince1970 * 1000).rounded()) }
}
