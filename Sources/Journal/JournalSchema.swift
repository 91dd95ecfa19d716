/// The journal's versioned schema: each migration moves the file one version up, inside one transaction.
///
/// The version lives in `PRAGMA user_version`. Migrations are never edited once released; a change is a new
/// migration appended at the end, and the tests open a file of every earlier version.
enum JournalSchema {
    /// The version a fully migrated file has.
    static var latestVersion: Int { migrations.count }

    /// Migration `i` takes a file from version `i` to version `i + 1`.
    static let migrations: [String] = [entries, projections, changesInEntries]

    /// Version 1: the hash-chained entries, kept append-only by triggers.
    static let entries = """
        CREATE TABLE entries (
            seq     INTEGER PRIMARY KEY,
            at_ms   INTEGER NOT NULL,
            kind    TEXT NOT NULL,
            subject TEXT NOT NULL,
            actor   TEXT,
            body    BLOB NOT NULL,
            hash    BLOB NOT NULL
        );
        CREATE INDEX entries_by_subject ON entries(subject, seq);
        CREATE INDEX entries_by_kind ON entries(kind, seq);
        CREATE INDEX entries_by_time ON entries(at_ms);
        CREATE TRIGGER entries_no_update BEFORE UPDATE ON entries
            BEGIN SELECT RAISE(ABORT, 'journal entries are append-only: update refused'); END;
        CREATE TRIGGER entries_no_delete BEFORE DELETE ON entries
            BEGIN SELECT RAISE(ABORT, 'journal entries are append-only: delete refused'); END;
        CREATE TABLE chain_head (
            id   INTEGER PRIMARY KEY CHECK (id = 1),
            seq  INTEGER NOT NULL,
            hash BLOB NOT NULL
        );
        """

    /// Version 2: projections kept in the same transaction as the entries, for fast queries.
    static let projections = """
        CREATE TABLE custody_sessions (
            session      INTEGER PRIMARY KEY,
            person       TEXT NOT NULL,
            display_name TEXT NOT NULL,
            id_hash      BLOB,
            id_last4     TEXT,
            arrived_at   INTEGER NOT NULL,
            released_at  INTEGER,
            outcome      TEXT,
            opened_seq   INTEGER NOT NULL,
            closed_seq   INTEGER
        );
        CREATE INDEX custody_open ON custody_sessions(arrived_at) WHERE released_at IS NULL;
        CREATE INDEX custody_by_arrival ON custody_sessions(arrived_at);
        CREATE INDEX custody_by_person ON custody_sessions(person, arrived_at);
        CREATE INDEX custody_by_id_hash ON custody_sessions(id_hash);
        CREATE TABLE clocks (
            session      INTEGER NOT NULL,
            clock        TEXT NOT NULL,
            started_at   INTEGER NOT NULL,
            limit_at     INTEGER NOT NULL,
            next_step_at INTEGER,
            next_level   TEXT,
            stopped_at   INTEGER,
            PRIMARY KEY (session, clock)
        );
        CREATE TABLE alerts (
            alert_id        TEXT PRIMARY KEY,
            rule            TEXT NOT NULL,
            level           TEXT NOT NULL,
            person          TEXT,
            zone            TEXT,
            message         TEXT NOT NULL,
            raised_at       INTEGER NOT NULL,
            updated_at      INTEGER NOT NULL,
            acknowledged_by TEXT,
            acknowledged_at INTEGER,
            cleared_at      INTEGER,
            raised_seq      INTEGER NOT NULL
        );
        CREATE INDEX alerts_open ON alerts(raised_at) WHERE cleared_at IS NULL;
        CREATE INDEX alerts_by_time ON alerts(raised_at);
        CREATE INDEX alerts_by_person ON alerts(person, raised_at);
        CREATE TABLE devices (
            device     TEXT PRIMARY KEY,
            online     INTEGER NOT NULL,
            detail     TEXT NOT NULL,
            since      INTEGER NOT NULL,
            updated_at INTEGER NOT NULL
        );
        CREATE TABLE zone_visits (
            visit      INTEGER PRIMARY KEY,
            person     TEXT NOT NULL,
            zone       TEXT NOT NULL,
            entered_at INTEGER NOT NULL,
            left_at    INTEGER
        );
        CREATE INDEX zone_visits_open ON zone_visits(person) WHERE left_at IS NULL;
        CREATE INDEX zone_visits_by_person ON zone_visits(person, entered_at);
        """

    /// Version 3: each entry keeps the projection changes it carried (JSON, covered by the hash), so the
    /// projections can be rebuilt from the chain alone and an auditor can see what every entry changed.
    /// `changes_from_seq` remembers where that began: a rebuild is complete only from there.
    static let changesInEntries = """
        ALTER TABLE entries ADD COLUMN changes BLOB;
        CREATE TABLE journal_meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
        INSERT INTO journal_meta VALUES ('changes_from_seq', (SELECT IFNULL(MAX(seq), 0) + 1 FROM entries));
        """

    /// Brings the file up to `target` (the latest by default), one transaction per version.
    static func migrate(_ database: SQLiteDatabase, to target: Int = latestVersion) throws(JournalError) {
        let found = Int(try database.integer("PRAGMA user_version"))
        guard found <= latestVersion else {
            throw .schemaTooNew(path: database.path, found: found, supported: latestVersion)
        }
        guard found < target else { return }
        for version in found..<target {
            try database.execute("BEGIN IMMEDIATE")
            do {
                try database.execute(migrations[version])
                try database.execute("PRAGMA user_version = \(version + 1)")
                try database.execute("COMMIT")
            } catch {
                try? database.execute("ROLLBACK")
                throw error
            }
        }
    }
}
