import Foundation

/// An exclusive `flock` on `<journal>.lock`, so two daemons can never write one journal (the chain
/// would fork). The kernel drops the lock when the process dies, so a crash never leaves it stale.
final class WriterLock: Sendable {
    private let descriptor: Int32

    init(journalPath: String) throws(JournalError) {
        let lockPath = journalPath + ".lock"
        descriptor = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw .cannotOpen(path: journalPath, reason: "cannot create \(lockPath): \(String(cString: strerror(errno)))")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw .cannotOpen(path: journalPath, reason: "another process is writing this journal (\(lockPath) is locked)")
        }
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
