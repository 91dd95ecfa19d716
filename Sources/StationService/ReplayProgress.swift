public import Logging
import Synchronization

/// Keeps systemd's start timeout from running out while a long journal is replayed at start: at most every
/// `interval` of replay it asks for `grant` more time (`EXTEND_TIMEOUT_USEC`) and says how far the replay
/// has come, in `systemctl status` and the log.
///
/// Years of a busy station's journal take minutes to replay; without this, systemd would kill the daemon
/// at `TimeoutStartSec` and restart it into the same replay, and the station would never come up.
public final class ReplayProgress: Sendable {
    private let notifier: SystemdNotifier
    private let logger: Logger
    private let interval: Duration
    private let grant: Duration
    private let lastReport: Mutex<ContinuousClock.Instant>

    public init(notifier: SystemdNotifier, logger: Logger, interval: Duration = .seconds(5), grant: Duration = .seconds(30)) {
        self.notifier = notifier
        self.logger = logger
        self.interval = interval
        self.grant = grant
        lastReport = Mutex(ContinuousClock.now)
    }

    /// Hears that `inputs` journaled inputs have been replayed (``StationDaemon/Configuration/replayProgress``).
    public func report(_ inputs: Int) {
        let now = ContinuousClock.now
        let due = lastReport.withLock { last in
            guard last.duration(to: now) >= interval else { return false }
            last = now
            return true
        }
        guard due else { return }
        try? notifier.notify(.extendTimeout(grant), .status("replaying the journal: \(inputs) inputs so far"))
        logger.info("replaying the journal: \(inputs) inputs so far")
    }
}
