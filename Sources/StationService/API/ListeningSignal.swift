import ServiceLifecycle
import Synchronization

/// The API's running state: tells waiters when every listener is up and which TCP port was bound, and
/// holds the service group so that `shutdown()` can end it gracefully.
final class ListeningSignal: Sendable {
    private let group = Mutex<ServiceGroup?>(nil)
    private let stopped = Mutex(false)

    /// Records the running group; false if shutdown was already asked for.
    func started(_ running: ServiceGroup) -> Bool {
        group.withLock { $0 = running }
        return !stopped.withLock { $0 }
    }

    /// Asks the running group, if any, to stop accepting and finish its connections.
    func shutdown() async {
        stopped.withLock { $0 = true }
        if let running = group.withLock({ $0 }) { await running.triggerGracefulShutdown() }
    }

    private struct State {
        var expected: Int?
        var opened = 0
        var port: Int?
        var waiters: [CheckedContinuation<Int?, Never>] = []
        var isReady: Bool { expected.map { opened >= $0 } ?? false }
    }

    private let state = Mutex(State())

    func expect(_ count: Int) {
        let ready = state.withLock { state -> (Int?, [CheckedContinuation<Int?, Never>])? in
            state.expected = count
            guard state.isReady else { return nil }
            defer { state.waiters = [] }
            return (state.port, state.waiters)
        }
        ready?.1.forEach { $0.resume(returning: ready?.0) }
    }

    func opened(port: Int?) {
        let ready = state.withLock { state -> (Int?, [CheckedContinuation<Int?, Never>])? in
            state.opened += 1
            if let port { state.port = port }
            guard state.isReady else { return nil }
            defer { state.waiters = [] }
            return (state.port, state.waiters)
        }
        ready?.1.forEach { $0.resume(returning: ready?.0) }
    }

    func wait() async -> Int? {
        await withCheckedContinuation { continuation in
            let port: Int?? = state.withLock { state in
                if state.isReady { return .some(state.port) }
                state.waiters.append(continuation)
                return nil
            }
            if let port { continuation.resume(returning: port) }
        }
    }
}
