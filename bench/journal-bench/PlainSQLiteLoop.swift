import CSQLite
import Foundation

/// SQLite's own best for the same rows: one prepared INSERT, batches of 100 per transaction,
/// `synchronous=FULL`, WAL, no hashing, no queue, no projections. The peer the journal is measured against.
struct PlainSQLiteLoop {
    let path: String
    let entries: Int
    let batch = 100

    /// Returns entries per second and the commit latencies in microseconds.
    func run(bodies: [Data]) -> (perSecond: Double, commitMicros: [Double]) {
        var db: OpaquePointer?
        sqlite3_open(path, &db)
        defer { sqlite3_close_v2(db) }
        exec(db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL")
        exec(db, """
            CREATE TABLE IF NOT EXISTS entries (seq INTEGER PRIMARY KEY, at_ms INTEGER NOT NULL, kind TEXT NOT NULL,
                subject TEXT NOT NULL, actor TEXT, body BLOB NOT NULL, hash BLOB NOT NULL);
            CREATE INDEX IF NOT EXISTS entries_by_subject ON entries(subject, seq);
            CREATE INDEX IF NOT EXISTS entries_by_kind ON entries(kind, seq);
            CREATE INDEX IF NOT EXISTS entries_by_time ON entries(at_ms);
            """)
        var insert: OpaquePointer?
        sqlite3_prepare_v2(db, "INSERT INTO entries VALUES (?, ?, ?, ?, NULL, ?, ?)", -1, &insert, nil)
        defer { sqlite3_finalize(insert) }
        let hash = [UInt8](repeating: 0xAB, count: 32)
        var commits: [Double] = []
        let start = ContinuousClock.now
        var seq = 0
        while seq < entries {
            exec(db, "BEGIN")
            for _ in 0..<batch {
                seq += 1
                sqlite3_bind_int64(insert, 1, Int64(seq))
                sqlite3_bind_int64(insert, 2, 1_767_225_600_000 + Int64(seq))
                sqlite3_bind_text(insert, 3, "observation", -1, csqlite_transient())
                sqlite3_bind_text(insert, 4, "person:P-\(seq % 40)", -1, csqlite_transient())
                let body = bodies[seq % bodies.count]
                _ = body.withUnsafeBytes { sqlite3_bind_blob(insert, 5, $0.baseAddress, Int32($0.count), csqlite_transient()) }
                sqlite3_bind_blob(insert, 6, hash, 32, csqlite_transient())
                sqlite3_step(insert)
                sqlite3_reset(insert)
            }
            let commitStart = ContinuousClock.now
            exec(db, "COMMIT")
            commits.append(Bench.micros(ContinuousClock.now - commitStart))
        }
        return (Double(entries) / Bench.seconds(ContinuousClock.now - start), commits)
    }

    private func exec(_ db: OpaquePointer?, _ sql: String) {
        if sqlite3_exec(db, sql, nil, nil, nil) != SQLITE_OK {
            fatalError("plain SQLite loop: \(String(cString: sqlite3_errmsg(db)))")
        }
    }
}
