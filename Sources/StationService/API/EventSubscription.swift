import Synchronization

/// One subscriber's view of the hub: an async sequence of events that ends when cancelled.
public final class EventSubscription: AsyncSequence, Sendable {
    public typealias Element = StationEvent

    private struct State {
        var buffer: [StationEvent] = []
        var dropped = 0
        var finished = false
        var waiter: CheckedContinuation<StationEvent?, Never>?
    }

    private let capacity: Int
    private let state = Mutex(State())
    private let onCancel: @Sendable () -> Void

    init(capacity: Int, onCancel: @escaping @Sendable () -> Void) {
        self.capacity = capacity
        self.onCancel = onCancel
    }

    func deliver(_ event: StationEvent) {
        let waiter: CheckedContinuation<StationEvent?, Never>? = state.withLock { state in
            guard !state.finished else { return nil }
            if let waiter = state.waiter {
                state.waiter = nil
                return waiter
            }
            if state.buffer.count >= capacity {
                state.buffer.removeFirst()
                state.dropped += 1
            }
            state.buffer.append(event)
            return nil
        }
        waiter?.resume(returning: event)
    }

    /// Ends the subscription: a waiting reader gets the end of the sequence and the hub forgets it.
    public func cancel() {
        let waiter = state.withLock { state -> CheckedContinuation<StationEvent?, Never>? in
            state.finished = true
            state.buffer.removeAll()
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume(returning: nil)
        onCancel()
    }

    /// The next event, `.lagged` first if events were dropped; nil once cancelled (or the task is).
    public func next() async -> StationEvent? {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<StationEvent?, Never>) in
                let ready: StationEvent?? = state.withLock { state in
                    if state.finished { return .some(nil) }
                    if state.dropped > 0 {
                        defer { state.dropped = 0 }
                        return .some(.lagged(dropped: state.dropped))
                    }
                    if !state.buffer.isEmpty { return .some(state.buffer.removeFirst()) }
                    state.waiter = continuation
                    return nil
                }
                if let ready { continuation.resume(returning: ready) }
            }
        } onCancel: {
            cancel()
        }
    }

    public struct AsyncIterator: AsyncIteratorProtocol {
        let subscription: EventSubscription
        public mutating func next() async -> StationEvent? { await subscription.next() }
    }

    public func makeAsyncIterator() -> AsyncIterator { AsyncIterator(subscription: self) }
}
