import Foundation

extension CustodyJournal {
    /// Rebuilds every projection (custody sessions, clocks, alerts, devices, zone visits) from the projection
    /// changes stored in the entries, in one transaction; returns the number of entries replayed.
    ///
    /// For a journal no process is writing (it takes the writer lock): after restoring a copy, or when the
    /// projections are suspected of disagreeing with the chain. Entries written before schema version 3 carry
    /// no changes, so a journal holding any is refused rather than rebuilt incompletely.
    public static func rebuildProjections(path: String) throws(JournalError) -> Int64 {
        let lock = try WriterLock(journalPath: path)
        let database = try SQLiteDatabase(path: path, mode: .readWrite)
        defer {
            database.close()
            lock.release()
        }
        try database.execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL")
        try JournalSchema.migrate(database)
        let changesFrom = try database.integer("SELECT value FROM journal_meta WHERE key = 'changes_from_seq'")
        guard changesFrom <= 1 else {
            throw .invalidArgument("\(path): entries 1...\(changesFrom - 1) were written before entries kept their "
                + "projection changes; a rebuild would lose their effect, so the projections were left as they are")
        }
        try database.execute("BEGIN IMMEDIATE")
        do throws(JournalError) {
            try database.execute("""
                DELETE FROM custody_sessions; DELETE FROM clocks; DELETE FROM alerts;
                DELETE FROM devices; DELETE FROM zone_visits;
                """)
            let applier = ProjectionApplier(database: database)
            let page = try database.statement(
                "SELECT seq, changes FROM entries WHERE seq > ? AND changes IS NOT NULL ORDER BY seq LIMIT 5000")
            var cursor: Int64 = 0
            var replayed: Int64 = 0
            while true {
                let rows = try page.rows([.integer(cursor)]) { ($0.int64(0), $0.blob(1)) }
                guard let last = rows.last else { break }
                for (seq, stored) in rows {
                    let changes: [ProjectionChange]
                    do { changes = try JSONDecoder().decode([ProjectionChange].self, from: stored) } catch {
                        throw .corrupt(path: path, reason: "entry \(seq): projection changes not readable (\(error))")
                    }
                    for change in changes { try applier.apply(change, seq: seq) }
                    replayed += 1
                }
                cursor = last.0
            }
            try database.execute("COMMIT")
            return replayed
        } catch {
            try? database.execute("ROLLBACK")
            throw error
        }
    }
}
