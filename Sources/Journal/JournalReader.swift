import Foundation
import Synchronization

/// Read access to a journal: replay, queries, verification and export.
///
/// Safe to share between tasks; queries run one at a time on its own connection, never blocking the
/// writer (WAL readers see the last committed state).
public final class JournalReader: Sendable {
    /// How the reader opens the file.
    public enum Access: Sendable {
        /// Alongside a running writer.
        case live
        /// An auditor's copy: opened read-only and never modified, not even its lock files.
        case audit
    }

    /// The database file.
    public let path: String
    private let connection: Mutex<SQLiteDatabase>

    /// Opens the journal at `path` for reading.
    public init(path: String, access: Access = .audit) throws(JournalError) {
        self.path = path
        let database = try SQLiteDatabase(path: path, mode: access == .live ? .readOnly : .audit)
        let version = Int(try database.integer("PRAGMA user_version"))
        guard version >= 1 else {
            throw .corrupt(path: path, reason: "no journal tables (schema version 0)")
        }
        guard version <= JournalSchema.latestVersion else {
            throw .schemaTooNew(path: path, found: version, supported: JournalSchema.latestVersion)
        }
        schemaVersion = version
        connection = Mutex(database)
    }

    /// The schema version of the file.
    public let schemaVersion: Int

    /// Runs `body` on the reader's connection.
    func read<T: Sendable>(_ body: (SQLiteDatabase) throws(JournalError) -> T) throws(JournalError) -> T {
        try connection.withLock { (database: inout SQLiteDatabase) throws(JournalError) -> T in
            try body(database)
        }
    }

    /// The highest sequence number written, or 0 for an empty journal.
    public func lastSeq() throws(JournalError) -> Int64 {
        try read { database throws(JournalError) in try database.integer("SELECT IFNULL(MAX(seq), 0) FROM entries") }
    }

    /// Entries after `seq` in sequence order, at most `limit`, optionally only of some kinds: page through
    /// the whole journal with it to rebuild state after a restart.
    public func entries(after seq: Int64 = 0, kinds: Set<EntryKind>? = nil, limit: Int = 10_000)
        throws(JournalError) -> [JournalEntry]
    {
        try read { database throws(JournalError) in
            var sql = "SELECT \(Self.entryColumns) FROM entries WHERE seq > ?"
            var values: [SQLiteValue] = [.integer(seq)]
            if let kinds {
                sql += " AND kind IN (\(kinds.map { _ in "?" }.joined(separator: ",")))"
                values += kinds.map { .text($0.rawValue) }
            }
            sql += " ORDER BY seq LIMIT ?"
            values.append(.integer(Int64(limit)))
            return try database.statement(sql).rows(values, Self.entry)
        }
    }

    /// Calls `body` with every entry after `seq` in sequence order, a page at a time; for replay.
    public func forEachEntry(after seq: Int64 = 0, kinds: Set<EntryKind>? = nil,
                             _ body: (JournalEntry) throws(JournalError) -> Void) throws(JournalError) {
        var cursor = seq
        while true {
            let page = try entries(after: cursor, kinds: kinds, limit: 5_000)
            for entry in page { try body(entry) }
            guard let last = page.last else { return }
            cursor = last.seq
        }
    }

    /// Entries whose time lies in `from..<to`, in sequence order.
    public func entries(from: UTCMillis, to: UTCMillis) throws(JournalError) -> [JournalEntry] {
        try read { database throws(JournalError) in
            try database.statement("SELECT \(Self.entryColumns) FROM entries WHERE at_ms >= ? AND at_ms < ? ORDER BY seq")
                .rows([.integer(from), .integer(to)], Self.entry)
        }
    }

    static let entryColumns = "seq, at_ms, kind, subject, actor, body, hash, changes"

    static func entry(_ row: SQLiteStatement) -> JournalEntry {
        let stored = row.text(3)
        return JournalEntry(seq: row.int64(0), at: row.int64(1), kind: EntryKind(rawValue: row.text(2)),
                            subject: Subject(stored: stored) ?? Subject(.station, stored),
                            actor: row.optionalText(4), body: row.blob(5), hash: row.blob(6),
                            changes: row.optionalBlob(7).map(ProjectionChange.decodeList) ?? [])
    }
}

extension JournalReader {
    /// Writes a consistent snapshot of the whole journal to a new file at `destination` (SQLite
    /// `VACUUM INTO`), without stopping the writer: the copy an auditor takes away.
    public func copy(to destination: String) throws(JournalError) {
        guard !FileManager.default.fileExists(atPath: destination) else {
            throw .invalidArgument("\(destination) already exists; a copy never overwrites a file")
        }
        try read { database throws(JournalError) in
            try database.statement("VACUUM INTO ?").run([.text(destination)])
        }
    }
}
