import Dispatch
import Journal
import Synchronization

/// The API's read access to the journal: one live reader opened on first use, queried on a queue of its
/// own so that SQLite never blocks the few threads of the cooperative pool.
final class JournalAccess: Sendable {
    let path: String
    private let reader = Mutex<JournalReader?>(nil)
    private let queue = DispatchQueue(label: "custodyd.api.journal")

    init(path: String) { self.path = path }

    /// Runs `body` with the reader, off the cooperative pool.
    func read<T: Sendable>(_ body: @escaping @Sendable (JournalReader) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async {
                continuation.resume(with: Result { try body(try self.open()) })
            }
        }
    }

    private func open() throws -> JournalReader {
        try reader.withLock { reader in
            if let reader { return reader }
            let opened = try JournalReader(path: path, access: .live)
            reader = opened
            return opened
        }
    }
}
