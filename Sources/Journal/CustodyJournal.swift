import Foundation

/// The custody journal, open for writing: the one place every input and effect is appended.
///
/// Appends return at once with an `AppendTicket`; a dedicated writer thread commits everything queued
/// since its last commit as one transaction with `synchronous=FULL` (group commit), assigns sequence
/// numbers, extends the hash chain and applies the projection changes in the same transaction. Await a
/// ticket to know an entry is on disk. Open one `CustodyJournal` per file; read with `JournalReader`.
///
/// ```swift
/// let journal = try CustodyJournal(path: "/var/lib/custodyd/journal.db")
/// let seq = try await journal.appendDurably(NewEntry(
///     at: .now(), kind: .command, subject: .person("P-0012"), actor: "officer-7",
///     json: #"{"command":"meal","item":"rice"}"#))
/// // A recorded simulator run, from plain (non-async) code:
/// let seqs = try journal.appendAndWait(recordedEntries)
/// ```
///
/// Door moves are journaled as a `.doorIntent` entry before the command and a `.doorOutcome` after it;
/// a fire release acts first and is journaled after, with the time it acted (times need not increase).
public final class CustodyJournal: Sendable {
    /// How the journal is opened.
    public struct Options: Sendable {
        /// The most entries one transaction carries.
        public var maxBatch: Int
        /// A cap on the database size in pages (SQLite `max_page_count`); nil for no cap beyond the disk.
        public var pageLimit: Int?
        /// Called on the writer thread when the health changes (once on failure, once on recovery).
        /// It must return quickly and never wait for a ticket: the writer is blocked while it runs.
        public var onHealthChange: @Sendable (JournalHealth) -> Void

        /// Options with the defaults a station uses.
        public init(maxBatch: Int = 4_096, pageLimit: Int? = nil,
                    onHealthChange: @escaping @Sendable (JournalHealth) -> Void = { _ in }) {
            self.maxBatch = maxBatch
            self.pageLimit = pageLimit
            self.onHealthChange = onHealthChange
        }
    }

    /// The database file.
    public let path: String
    private let writer: JournalWriter
    private let lock: WriterLock

    /// Opens (creating if needed) the journal at `path`, migrates its schema and starts the writer thread.
    ///
    /// Opening reads only the last entry, so it takes the same time for a day or a year of history.
    public init(path: String, options: Options = Options()) throws(JournalError) {
        self.path = path
        lock = try WriterLock(journalPath: path)
        let database = try SQLiteDatabase(path: path, mode: .readWrite)
        let mode = try database.statement("PRAGMA journal_mode = WAL").rows { $0.text(0) }.first
        guard mode?.lowercased() == "wal" else {
            throw .cannotOpen(path: path, reason: "the file system does not support write-ahead logging")
        }
        try database.execute("PRAGMA synchronous = FULL; PRAGMA journal_size_limit = 67108864")
        try JournalSchema.migrate(database)
        if let limit = options.pageLimit { try database.execute("PRAGMA max_page_count = \(limit)") }
        let last = try database.statement("SELECT seq, hash FROM entries ORDER BY seq DESC LIMIT 1")
            .rows { ($0.int64(0), $0.blob(1)) }.first ?? (0, ChainHash.genesis)
        writer = JournalWriter(path: path, maxBatch: options.maxBatch, onHealthChange: options.onHealthChange)
        let handoff = DatabaseHandoff(database)
        let thread = Thread { [writer] in
            writer.run(database: handoff.take(), lastSeq: last.0, lastHash: last.1)
        }
        thread.name = "journal-writer"
        thread.qualityOfService = .userInitiated
        thread.start()
    }

    deinit { writer.close() }

    /// Queues one entry; await or wait on the ticket to know it is durable.
    @discardableResult
    public func append(_ entry: NewEntry) -> AppendTicket {
        writer.enqueue([entry])[0]
    }

    /// Queues entries to be written in this order (a recorded run, a replayed scenario).
    @discardableResult
    public func append(contentsOf entries: [NewEntry]) -> [AppendTicket] {
        writer.enqueue(entries)
    }

    /// Appends one entry and returns its sequence number once it is on disk.
    public func appendDurably(_ entry: NewEntry) async throws(JournalError) -> Int64 {
        try await append(entry).durable()
    }

    /// Appends entries and blocks until all are on disk; for callers outside Swift concurrency, such as a
    /// simulator recording a run. Returns their sequence numbers; throws the first failure.
    public func appendAndWait(_ entries: [NewEntry]) throws(JournalError) -> [Int64] {
        var seqs: [Int64] = []
        seqs.reserveCapacity(entries.count)
        for ticket in writer.enqueue(entries) { seqs.append(try ticket.waitUntilDurable()) }
        return seqs
    }

    /// Whether the last batch reached the disk.
    public var health: JournalHealth { writer.health }

    /// Changes the cap on the database size in pages, taking effect before the next batch; nil removes it.
    public func setPageLimit(_ pages: Int?) { writer.setPageLimit(pages) }

    /// Writes everything already queued, stops the writer and lets another process open the file for
    /// writing; later appends fail with `.closed`.
    public func close() {
        writer.close()
        lock.release()
    }

    /// A reader on the same file, for queries while the journal is being written.
    public func makeReader() throws(JournalError) -> JournalReader {
        try JournalReader(path: path, access: .live)
    }
}

/// Hands the freshly opened connection to the writer thread.
///
/// `@unchecked Sendable` is sound because the opener stores the connection, starts the thread and never
/// touches it again; only the writer thread calls `take()`, once.
private final class DatabaseHandoff: @unchecked Sendable {
    private var database: SQLiteDatabase?

    init(_ database: SQLiteDatabase) { self.database = database }

    func take() -> SQLiteDatabase {
        defer { database = nil }
        return database!
    }
}
