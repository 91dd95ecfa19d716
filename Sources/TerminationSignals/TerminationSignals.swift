import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// SIGINT and SIGTERM, caught from the moment `install()` returns, for a process that must finish its
/// work before it exits (flush a journal, remove its links). A signal that arrives before anyone waits
/// is kept, so a service manager's stop right after start is never lost.
public final class TerminationSignals: Sendable {
    private struct State {
        var fired = false
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    /// `@unchecked Sendable`: the sources are stored only to keep them alive.
    private struct Sources: @unchecked Sendable { var sources: [any DispatchSourceSignal] }

    private let state = Mutex(State())
    private let sources = Mutex(Sources(sources: []))

    private init() {}

    /// Starts catching SIGINT and SIGTERM. A parent may have started the process with them blocked (a
    /// spawning thread's mask is inherited), so they are unblocked first.
    public static func install() -> TerminationSignals {
        let signals = TerminationSignals()
        var wanted = sigset_t()
        sigemptyset(&wanted)
        sigaddset(&wanted, SIGINT)
        sigaddset(&wanted, SIGTERM)
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [weak signals] in signals?.fire() }
            source.resume()
            signals.sources.withLock { $0.sources.append(source) }
        }
        pthread_sigmask(SIG_UNBLOCK, &wanted, nil)
        return signals
    }

    /// Whether SIGINT or SIGTERM has arrived.
    public var hasFired: Bool { state.withLock { $0.fired } }

    /// Returns once SIGINT or SIGTERM has arrived (at once if one already has).
    public func wait() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let fired = state.withLock { state in
                if !state.fired { state.waiters.append(continuation) }
                return state.fired
            }
            if fired { continuation.resume() }
        }
    }

    private func fire() {
        let waiters = state.withLock { state in
            state.fired = true
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume() }
    }
}
