internal import CSQLite
import Foundation

/// A value bound to a statement parameter.
enum SQLiteValue {
    case integer(Int64)
    case text(String)
    case blob(Data)
    case null

    static func optionalText(_ value: String?) -> SQLiteValue { value.map { .text($0) } ?? .null }
    static func optionalInteger(_ value: Int64?) -> SQLiteValue { value.map { .integer($0) } ?? .null }
}

/// A prepared statement owned by one `SQLiteDatabase`; used only on that database's thread.
final class SQLiteStatement {
    let handle: OpaquePointer
    private unowned let database: SQLiteDatabase
    let sql: String

    init(handle: OpaquePointer, database: SQLiteDatabase, sql: String) {
        self.handle = handle
        self.database = database
        self.sql = sql
    }

    deinit { sqlite3_finalize(handle) }

    /// Resets the statement and binds `values` to parameters 1...n.
    func bind(_ values: [SQLiteValue]) throws(JournalError) {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let code: Int32
            switch value {
            case let .integer(number):
                code = sqlite3_bind_int64(handle, index, number)
            case let .text(string):
                code = sqlite3_bind_text(handle, index, string, -1, csqlite_transient())
            case let .blob(data):
                code = data.withUnsafeBytes { buffer in
                    sqlite3_bind_blob(handle, index, buffer.baseAddress ?? UnsafeRawPointer(bitPattern: 1),
                                      Int32(buffer.count), csqlite_transient())
                }
            case .null:
                code = sqlite3_bind_null(handle, index)
            }
            guard code == SQLITE_OK else { throw database.error(code, context: "binding \(sql)") }
        }
    }

    /// Advances one row; returns false when the statement is done.
    func step() throws(JournalError) -> Bool {
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default:
            sqlite3_reset(handle)
            throw database.error(code, context: sql)
        }
    }

    /// Runs the statement to completion, ignoring rows.
    func run(_ values: [SQLiteValue] = []) throws(JournalError) {
        try bind(values)
        while try step() {}
        sqlite3_reset(handle)
    }

    /// Runs the statement and maps every row.
    func rows<T>(_ values: [SQLiteValue] = [], _ map: (SQLiteStatement) -> T) throws(JournalError) -> [T] {
        try bind(values)
        var result: [T] = []
        while try step() { result.append(map(self)) }
        sqlite3_reset(handle)
        return result
    }

    func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }

    func optionalInt64(_ column: Int32) -> Int64? {
        sqlite3_column_type(handle, column) == SQLITE_NULL ? nil : sqlite3_column_int64(handle, column)
    }

    func text(_ column: Int32) -> String { optionalText(column) ?? "" }

    func optionalText(_ column: Int32) -> String? {
        guard let pointer = sqlite3_column_text(handle, column) else { return nil }
        return String(cString: pointer)
    }

    func blob(_ column: Int32) -> Data {
        let count = Int(sqlite3_column_bytes(handle, column))
        guard count > 0, let pointer = sqlite3_column_blob(handle, column) else { return Data() }
        return Data(bytes: pointer, count: count)
    }

    func optionalBlob(_ column: Int32) -> Data? {
        sqlite3_column_type(handle, column) == SQLITE_NULL ? nil : blob(column)
    }
}
