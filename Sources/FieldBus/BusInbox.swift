import Dispatch
import Synchronization

/// The commands waiting for one bus, and the bell that wakes its thread. Producers are any threads; the
/// consumer is the bus thread.
final class BusInbox: Sendable {
    private struct State {
        var commands: [PendingCommand] = []
        var stopping = false
    }

    private let state = Mutex(State())
    private let bell = DispatchSemaphore(value: 0)

    /// Queues a command behind the other commands (and ahead of every poll). False once the bus stops.
    func submit(_ command: PendingCommand) -> Bool {
        let accepted = state.withLock { s in
            guard !s.stopping else { return false }
            s.commands.append(command)
            return true
        }
        if accepted { bell.signal() }
        return accepted
    }

    /// The oldest waiting command, if any.
    func take() -> PendingCommand? {
        state.withLock { $0.commands.isEmpty ? nil : $0.commands.removeFirst() }
    }

    var hasCommands: Bool { state.withLock { !$0.commands.isEmpty } }

    var isStopping: Bool { state.withLock { $0.stopping } }

    /// Sleeps until `deadline`, or less when a command arrives or the bus stops.
    func wait(until deadline: ContinuousClock.Instant) {
        let left = ContinuousClock.now.duration(to: deadline)
        guard left > .zero else { return }
        let (seconds, attoseconds) = left.components
        let nanoseconds = Int(min(seconds, 3600)) * 1_000_000_000 + Int(attoseconds / 1_000_000_000)
        _ = bell.wait(timeout: .now() + .nanoseconds(nanoseconds))
    }

    /// Refuses further commands and returns those still waiting.
    func stop() -> [PendingCommand] {
        let left = state.withLock { s in
            s.stopping = true
            defer { s.commands = [] }
            return s.commands
        }
        bell.signal()
        return left
    }
}
