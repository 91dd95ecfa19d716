import Synchronization

/// Tells waiters when every listener of the API is up, and which TCP port was bound.
final class ListeningSignal: Sendable {
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
