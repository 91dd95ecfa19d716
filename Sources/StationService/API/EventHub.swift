import Foundation
import Synchronization

/// Broadcasts station events to every subscriber of the event stream.
///
/// `publish` never blocks and may be called from any thread (the loop thread, bus threads). Each subscriber
/// has a bounded buffer: a client that reads too slowly loses the oldest events, and the next event it
/// reads is `.lagged(dropped:)` saying how many it lost, so a dashboard knows to reload its state.
public final class EventHub: Sendable {
    /// How many events a subscriber may have waiting before the oldest are dropped.
    public let capacity: Int
    private let subscribers = Mutex<[UInt64: EventSubscription]>([:])
    private let nextID = Atomic<UInt64>(0)

    /// A hub whose subscribers each hold at most `capacity` unread events.
    public init(capacity: Int = 256) {
        self.capacity = max(capacity, 1)
    }

    /// Delivers `event` to every current subscriber.
    public func publish(_ event: StationEvent) {
        for subscription in subscribers.withLock({ Array($0.values) }) {
            subscription.deliver(event)
        }
    }

    /// Delivers each event in order.
    public func publish(contentsOf events: [StationEvent]) {
        guard !events.isEmpty else { return }
        for subscription in subscribers.withLock({ Array($0.values) }) {
            for event in events { subscription.deliver(event) }
        }
    }

    /// A new subscription receiving every event published from now on, until it is cancelled.
    public func subscribe() -> EventSubscription {
        let id = nextID.add(1, ordering: .relaxed).newValue
        let subscription = EventSubscription(capacity: capacity) { [weak self] in
            _ = self?.subscribers.withLock { $0.removeValue(forKey: id) }
        }
        subscribers.withLock { $0[id] = subscription }
        return subscription
    }

    /// The number of live subscriptions.
    public var subscriberCount: Int { subscribers.withLock { $0.count } }

    /// Ends every current subscription (their streams finish), for shutdown.
    public func finishAll() {
        for subscription in subscribers.withLock({ Array($0.values) }) {
            subscription.cancel()
        }
    }
}
