import Dispatch
import Synchronization

/// The receipt for one append: await it (or block on it) to know the entry is on disk.
///
/// The writer sets the outcome once, after the entry's transaction committed with `synchronous=FULL`
/// (success: its sequence number) or failed (the error; the entry was not journaled, and any later
/// entry gets the next free sequence number, so the chain has no gap).
public final class AppendTicket: Sendable {
    private enum State {
        case pending(tasks: [CheckedContinuation<Result<Int64, JournalError>, Never>], threads: [DispatchSemaphore])
        case done(Result<Int64, JournalError>)
    }

    private let state = Mutex(State.pending(tasks: [], threads: []))

    init() {}

    /// The outcome if the writer has decided it, without waiting.
    public var outcome: Result<Int64, JournalError>? {
        state.withLock { state in
            if case let .done(result) = state { return result }
            return nil
        }
    }

    /// Suspends until the entry is durable; returns its sequence number.
    public func durable() async throws(JournalError) -> Int64 {
        let result = await withCheckedContinuation { (continuation: CheckedContinuation<Result<Int64, JournalError>, Never>) in
            let done: Result<Int64, JournalError>? = state.withLock { state in
                switch state {
                case let .done(result):
                    return result
                case .pending(var tasks, let threads):
                    tasks.append(continuation)
                    state = .pending(tasks: tasks, threads: threads)
                    return nil
                }
            }
            if let done { continuation.resume(returning: done) }
        }
        return try result.get()
    }

    /// Blocks the calling thread until the entry is durable; for callers outside Swift concurrency
    /// (device threads, command-line tools). Never call it from an async task.
    public func waitUntilDurable() throws(JournalError) -> Int64 {
        let semaphore = DispatchSemaphore(value: 0)
        let done: Result<Int64, JournalError>? = state.withLock { state in
            switch state {
            case let .done(result):
                return result
            case .pending(let tasks, var threads):
                threads.append(semaphore)
                state = .pending(tasks: tasks, threads: threads)
                return nil
            }
        }
        if let done { return try done.get() }
        semaphore.wait()
        return try outcome!.get()
    }

    func complete(_ result: Result<Int64, JournalError>) {
        let waiters = state.withLock { state -> ([CheckedContinuation<Result<Int64, JournalError>, Never>], [DispatchSemaphore]) in
            guard case let .pending(tasks, threads) = state else { return ([], []) }
            state = .done(result)
            return (tasks, threads)
        }
        for task in waiters.0 { task.resume(returning: result) }
        for thread in waiters.1 { thread.signal() }
    }
}
