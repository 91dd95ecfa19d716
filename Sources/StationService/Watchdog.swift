/// Pings systemd's watchdog while the event loop makes progress, and stops pinging when it does not.
///
/// A ping proves more than "the process exists": the daemon supplies `lastProgress`, the monotonic time at
/// which its event loop last finished an iteration (the loop must come round at least once per
/// ``maximumStall``, with a heartbeat tick when nothing else happens). When the loop has not advanced for
/// longer than that, the watchdog withholds `WATCHDOG=1`, and systemd kills the hung daemon within
/// `WatchdogSec=` and restarts it (`Restart=on-failure`); the journal replay then rebuilds its state.
public struct Watchdog: Sendable {
    /// What one check found.
    public enum Verdict: Sendable, Hashable {
        /// The loop advanced within ``Watchdog/maximumStall``: ping.
        case healthy
        /// The loop has not advanced for this long: do not ping.
        case stalled(for: Duration)
    }

    /// A change worth a log line; ``Watchdog/run(report:)`` reports each one once, not on every check.
    public enum Event: Sendable, Hashable {
        /// The loop stopped advancing; pings are withheld and systemd will restart the service.
        case stalled(for: Duration)
        /// The loop advanced again before systemd acted; pings resumed.
        case recovered
        /// A ping could not be sent.
        case pingFailed(SystemdNotifierError)
    }

    /// The period and ping interval systemd asked for.
    public let schedule: WatchdogSchedule
    /// The longest the loop may go without progress and still count as healthy.
    public let maximumStall: Duration
    private let notifier: SystemdNotifier
    private let lastProgress: @Sendable () -> ContinuousClock.Instant

    /// A watchdog that pings through `notifier` on `schedule` while `lastProgress` is recent.
    ///
    /// - Parameters:
    ///   - maximumStall: how stale `lastProgress` may be; by default the watchdog period itself.
    ///   - lastProgress: the monotonic time of the event loop's last completed iteration. Called from the
    ///     watchdog's task, so it must be cheap and thread-safe (an atomic or a `Mutex` read).
    public init(
        schedule: WatchdogSchedule,
        notifier: SystemdNotifier,
        maximumStall: Duration? = nil,
        lastProgress: @escaping @Sendable () -> ContinuousClock.Instant
    ) {
        self.schedule = schedule
        self.notifier = notifier
        self.maximumStall = maximumStall ?? schedule.timeout
        self.lastProgress = lastProgress
    }

    /// Whether the loop counts as healthy at `now`.
    public func verdict(at now: ContinuousClock.Instant) -> Verdict {
        let stall = lastProgress().duration(to: now)
        return stall > maximumStall ? .stalled(for: stall) : .healthy
    }

    /// Checks the loop once and pings systemd if it is healthy.
    @discardableResult
    public func check(at now: ContinuousClock.Instant = .now) throws(SystemdNotifierError) -> Verdict {
        let verdict = verdict(at: now)
        if verdict == .healthy { try notifier.notify(.watchdog) }
        return verdict
    }

    /// Checks every ``WatchdogSchedule/pingInterval`` until the task is cancelled.
    ///
    /// Run it as a child task of the service; it returns when cancelled (on shutdown, after `STOPPING=1`).
    /// `report` hears of each change of state once, so a hung loop gives one log line, not one per check.
    public func run(report: @escaping @Sendable (Event) -> Void = { _ in }) async {
        var stalled = false
        var pingFailing = false
        while !Task.isCancelled {
            // Report a change before acting on it, so the log line comes before the ping it explains.
            let verdict = verdict(at: .now)
            switch verdict {
            case .healthy where stalled:
                stalled = false
                report(.recovered)
            case .stalled(let duration) where !stalled:
                stalled = true
                report(.stalled(for: duration))
            default:
                break
            }
            if verdict == .healthy {
                do {
                    try notifier.notify(.watchdog)
                    pingFailing = false
                } catch {
                    if !pingFailing { report(.pingFailed(error)) }
                    pingFailing = true
                }
            }
            do {
                try await Task.sleep(for: schedule.pingInterval)
            } catch {
                return
            }
        }
    }
}
