import Foundation
import Synchronization

/// An exclusive `flock` on `<journal>.lock`, so two daemons can never write one journal (the chain
/// would fork). The kernel drops the lock when the process dies, so a crash never leaves it stale.
final class WriterLock: Sendable {
    private let descriptor: Mutex<Int32>

    init(journalPath: String) throws(JournalError) {
        let lockPath = journalPath + ".lock"
        let opened = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard opened >= 0 else {
            throw .cannotOpen(path: journalPath, reason: "cannot create \(lockPath): \(String(cString: strerror(errno)))")
        }
        guard flock(opened, LOCK_EX | LOCK_NB) == 0 else {
            close(opened)
            throw .cannotOpen(path: journalPath, reason: "another process is writing this journal (\(lockPath) is locked)")
        }
        descriptor = Mutex(opened)
    }

    /// Lets another writer open the journal; safe to call more than once.
    func release() {
        descriptor.withLock { descriptor in
            guard descriptor >= 0 else { return }
            flock(descriptor, LOCK_UN)
            close(descriptor)
            descriptor = -1
        }
    }

    deinit { release() }
}
