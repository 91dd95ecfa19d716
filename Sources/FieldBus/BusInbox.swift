import Dispatch
import Synchronization

/// The jobs (commands and one-off transactions) waiting for one bus, and the bell that wakes its thread.
/// Producers are any threads; the consumer is the bus thread.
final class BusInbox: Sendable {
    private struct State {
        var jobs: [BusJob] = []
        var stopping = false
    }

    private let state = Mutex(State())
    private let bell = DispatchSemaphore(value: 0)

    /// Queues a job behind the other jobs (and ahead of every poll). False once the bus stops.
    func submit(_ job: BusJob) -> Bool {
        let accepted = state.withLock { s in
            guard !s.stopping else { return false }
            s.jobs.append(job)
            return true
        }
        if accepted { bell.signal() }
        return accepted
    }

    /// The oldest waiting job, if any.
    func take() -> BusJob? {
        state.withLock { $0.jobs.isEmpty ? nil : $0.jobs.removeFirst() }
    }

    var hasJobs: Bool { state.withLock { !$0.jobs.isEmpty } }

    var isStopping: Bool { state.withLock { $0.stopping } }

    /// Sleeps until `deadline`, or less when a job arrives or the bus stops.
    func wait(until deadline: ContinuousClock.Instant) {
        let left = ContinuousClock.now.duration(to: deadline)
        guard left > .zero else { return }
        let (seconds, attoseconds) = left.components
        let nanoseconds = Int(min(seconds, 3600)) * 1_000_000_000 + Int(attoseconds / 1_000_000_000)
        _ = bell.wait(timeout: .now() + .nanoseconds(nanoseconds))
    }

    /// Refuses further jobs and returns those still waiting.
    func stop() -> [BusJob] {
        let left = state.withLock { s in
            s.stopping = true
            defer { s.jobs = [] }
            return s.jobs
        }
        bell.signal()
        return left
    }
}
