import Glibc

/// The watchdog period systemd set for this process (`WatchdogSec=` in the unit), and how often to ping.
///
/// systemd passes the period as `WATCHDOG_USEC` and the process it is meant for as `WATCHDOG_PID`. A
/// schedule exists only when both say this process is watched; then a `WATCHDOG=1` that fails to arrive
/// within ``timeout`` makes systemd kill and restart the service.
public struct WatchdogSchedule: Sendable, Hashable {
    /// How long systemd waits for a ping before it declares the service hung.
    public let timeout: Duration

    /// How often to ping: half the timeout, as `sd_watchdog_enabled(3)` advises, so one late ping is not fatal.
    public var pingInterval: Duration { timeout / 2 }

    /// A schedule with a given timeout (for tests, and for a daemon run outside systemd).
    public init(timeout: Duration) {
        self.timeout = timeout
    }

    /// The schedule in `environment`, or `nil` when the watchdog is off or meant for another process.
    ///
    /// `WATCHDOG_USEC` must be a positive number of microseconds. `WATCHDOG_PID`, when present, must be
    /// `processID`: the variables are inherited by children, which must not ping for their parent.
    public init?(environment: [String: String], processID: Int32) {
        guard let text = environment["WATCHDOG_USEC"], let microseconds = UInt64(text), microseconds > 0,
            microseconds <= UInt64(Int64.max)
        else { return nil }
        if let pidText = environment["WATCHDOG_PID"] {
            guard let pid = Int32(pidText), pid == processID else { return nil }
        }
        self.init(timeout: .microseconds(Int64(microseconds)))
    }

    /// The schedule in this process's environment, or `nil` when systemd does not watch it.
    public static func fromProcessEnvironment() -> WatchdogSchedule? {
        var environment: [String: String] = [:]
        for key in ["WATCHDOG_USEC", "WATCHDOG_PID"] {
            if let value = getenv(key) { environment[key] = String(cString: value) }
        }
        return WatchdogSchedule(environment: environment, processID: getpid())
    }
}
