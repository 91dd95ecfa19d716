/// Everything that can go wrong while opening, writing or reading the journal.
///
/// Each message names the file and says what an operator can do about it.
public enum JournalError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The database file could not be opened or created.
    case cannotOpen(path: String, reason: String)
    /// The disk (or the configured page limit) is full; nothing of the failed batch was written.
    case storageFull(path: String)
    /// The operating system reported an I/O error while reading or writing the file.
    case ioError(path: String, reason: String)
    /// The file is not a journal, or its pages are damaged.
    case corrupt(path: String, reason: String)
    /// The file was written by a newer custodyd than this one.
    case schemaTooNew(path: String, found: Int, supported: Int)
    /// A write was attempted on a journal opened read-only.
    case readOnly(path: String)
    /// The journal was closed before the entry could be written.
    case closed(path: String)
    /// A caller passed a value the journal cannot store.
    case invalidArgument(String)
    /// Any other SQLite failure, with the statement that failed.
    case sqlite(path: String, code: Int32, message: String, context: String)

    public var description: String {
        switch self {
        case let .cannotOpen(path, reason):
            "journal \(path): cannot open (\(reason)); check the path exists and is readable (and writable, for the daemon)"
        case let .storageFull(path):
            "journal \(path): storage full; free disk space or raise the page limit, "
                + "acknowledged entries are safe and writing resumes on its own"
        case let .ioError(path, reason):
            "journal \(path): I/O error (\(reason)); check the disk (dmesg, smartctl), "
                + "acknowledged entries are safe and writing is retried with the next batch"
        case let .corrupt(path, reason):
            "journal \(path): not a readable journal (\(reason)); keep the file for the auditor and restore from a copy"
        case let .schemaTooNew(path, found, supported):
            "journal \(path): schema version \(found) is newer than this build supports (\(supported)); upgrade custodyd"
        case let .readOnly(path):
            "journal \(path): opened read-only; writes are refused"
        case let .closed(path):
            "journal \(path): closed before the entry was written; the entry was not journaled"
        case let .invalidArgument(message):
            "journal: \(message)"
        case let .sqlite(path, code, message, context):
            "journal \(path): \(context) failed: \(message) (SQLite code \(code))"
        }
    }
}
