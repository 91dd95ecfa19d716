internal import CSQLite
import Foundation

/// A thin owner of one `sqlite3` connection with a cache of prepared statements.
///
/// Not thread-safe by design: the journal gives each connection to exactly one thread (the writer thread,
/// or a reader behind a lock), which is what lets SQLite run without its own mutexes.
final class SQLiteDatabase {
    /// How a connection opens its file.
    enum Mode {
        /// Read and write, creating the file when missing.
        case readWrite
        /// Read-only, sharing the write-ahead log with a writer in another connection.
        case readOnly
        /// Read-only and never touching the file: safe on an auditor's copy.
        case audit
    }

    let path: String
    let handle: OpaquePointer
    private var statements: [String: SQLiteStatement] = [:]

    init(path: String, mode: Mode) throws(JournalError) {
        self.path = path
        var pointer: OpaquePointer?
        let uri: String
        let flags: Int32
        switch mode {
        case .readWrite:
            uri = path
            flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        case .readOnly:
            uri = path
            flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX
        case .audit:
            guard FileManager.default.fileExists(atPath: path) else {
                throw .cannotOpen(path: path, reason: "no such file")
            }
            // Without a write-ahead log next to it the file is complete on its own: `immutable` then reads it
            // without creating lock or shared-memory files. With a log, read both, still without writing.
            let encoded = path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path
            let hasLog = FileManager.default.fileExists(atPath: path + "-wal")
            uri = "file:\(encoded)?" + (hasLog ? "mode=ro" : "immutable=1")
            flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX
        }
        let code = sqlite3_open_v2(uri, &pointer, flags, nil)
        guard code == SQLITE_OK, let pointer else {
            let reason = pointer.map { String(cString: sqlite3_errmsg($0)) } ?? "SQLite code \(code)"
            sqlite3_close_v2(pointer)
            throw .cannotOpen(path: path, reason: reason)
        }
        handle = pointer
        sqlite3_extended_result_codes(handle, 1)
        sqlite3_busy_timeout(handle, 5_000)
    }

    private var isOpen = true

    deinit { close() }

    /// Finalizes every statement and closes the connection; the file's locks are released on return.
    func close() {
        guard isOpen else { return }
        isOpen = false
        statements.removeAll()
        sqlite3_close_v2(handle)
    }

    /// Runs one or more statements without results.
    func execute(_ sql: String) throws(JournalError) {
        var message: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &message)
        if code != SQLITE_OK {
            let text = message.map { String(cString: $0) }
            sqlite3_free(message)
            throw error(code, context: sql, message: text)
        }
    }

    /// Returns the cached prepared statement for `sql`, preparing it on first use.
    func statement(_ sql: String) throws(JournalError) -> SQLiteStatement {
        if let cached = statements[sql] { return cached }
        var pointer: OpaquePointer?
        let code = sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &pointer, nil)
        guard code == SQLITE_OK, let pointer else { throw error(code, context: "preparing \(sql)") }
        let statement = SQLiteStatement(handle: pointer, database: self, sql: sql)
        statements[sql] = statement
        return statement
    }

    /// Reads a single integer, for pragmas and counts.
    func integer(_ sql: String) throws(JournalError) -> Int64 {
        try statement(sql).rows { $0.int64(0) }.first ?? 0
    }

    /// True when no transaction is open.
    var isAutocommit: Bool { sqlite3_get_autocommit(handle) != 0 }

    /// Maps an SQLite result code to the error an operator can act on.
    func error(_ code: Int32, context: String, message: String? = nil) -> JournalError {
        let text = message ?? String(cString: sqlite3_errmsg(handle))
        switch code & 0xFF {
        case SQLITE_FULL: return .storageFull(path: path)
        case SQLITE_IOERR: return .ioError(path: path, reason: text)
        case SQLITE_CORRUPT, SQLITE_NOTADB: return .corrupt(path: path, reason: text)
        case SQLITE_READONLY: return .readOnly(path: path)
        default: return .sqlite(path: path, code: code, message: text, context: context)
        }
    }
}
