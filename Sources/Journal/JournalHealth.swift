/// Whether the writer is getting entries onto disk.
///
/// Reported through `CustodyJournal.Options.onHealthChange` only when it changes, so a full disk is
/// reported once, and its recovery once.
public enum JournalHealth: Sendable, Hashable, CustomStringConvertible {
    /// The last batch committed.
    case healthy
    /// The last batch failed with this error; its entries were refused, earlier ones are safe.
    case failing(JournalError)

    public var description: String {
        switch self {
        case .healthy: "journal healthy"
        case let .failing(error): error.description
        }
    }
}
