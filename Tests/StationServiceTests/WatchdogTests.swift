import StationService
import Synchronization
import Testing

struct WatchdogTests {
    /// The event loop's progress stamp, as the daemon would keep it.
    final class LoopProgress: Sendable {
        private let stamp = Mutex(ContinuousClock.now)
        func advance(to instant: ContinuousClock.Instant = .now) { stamp.withLock { $0 = instant } }
        func read() -> ContinuousClock.Instant { stamp.withLock { $0 } }
    }

    private func watchdog(_ socket: NotifySocket, timeout: Duration, progress: LoopProgress) -> Watchdog {
        Watchdog(
            schedule: WatchdogSchedule(timeout: timeout),
            notifier: SystemdNotifier(environment: socket.environment),
            lastProgress: { progress.read() }
        )
    }

    @Test func pingsWhenTheLoopAdvancedWithinThePeriod() throws {
        let socket = try NotifySocket(.path)
        let progress = LoopProgress()
        let start = ContinuousClock.now
        progress.advance(to: start)
        let verdict = try watchdog(socket, timeout: .seconds(10), progress: progress).check(at: start + .seconds(9))
        #expect(verdict == .healthy)
        #expect(socket.receive() == "WATCHDOG=1")
    }

    @Test func withholdsThePingWhenTheLoopIsStuck() throws {
        let socket = try NotifySocket(.path)
        let progress = LoopProgress()
        let start = ContinuousClock.now
        progress.advance(to: start)
        let verdict = try watchdog(socket, timeout: .seconds(10), progress: progress).check(at: start + .seconds(11))
        #expect(verdict == .stalled(for: .seconds(11)))
        #expect(socket.receive(timeoutMilliseconds: 100) == nil)
    }

    @Test func aStricterStallLimitWithholdsSooner() throws {
        let socket = try NotifySocket(.path)
        let progress = LoopProgress()
        let start = ContinuousClock.now
        progress.advance(to: start)
        let watchdog = Watchdog(
            schedule: WatchdogSchedule(timeout: .seconds(10)),
            notifier: SystemdNotifier(environment: socket.environment),
            maximumStall: .seconds(3),
            lastProgress: { progress.read() }
        )
        #expect(watchdog.verdict(at: start + .seconds(3)) == .healthy)
        #expect(try watchdog.check(at: start + .seconds(4)) == .stalled(for: .seconds(4)))
        #expect(socket.receive(timeoutMilliseconds: 100) == nil)
    }

    @Test func runPingsOnScheduleWhileHealthyThenStopsAndReportsOnce() async throws {
        let socket = try NotifySocket(.path)
        let progress = LoopProgress()
        let events = Mutex<[Watchdog.Event]>([])
        let healthy = Mutex(true)
        let watchdog = Watchdog(
            schedule: WatchdogSchedule(timeout: .milliseconds(200)),
            notifier: SystemdNotifier(environment: socket.environment),
            lastProgress: {
                // A live loop keeps its stamp fresh; a hung one leaves it where it stopped.
                if healthy.withLock({ $0 }) { progress.advance() }
                return progress.read()
            }
        )
        let task = Task { await watchdog.run { event in events.withLock { $0.append(event) } } }

        let whileHealthy = socket.drain(for: 450)
        #expect(whileHealthy.count >= 2)
        #expect(whileHealthy.allSatisfy { $0 == "WATCHDOG=1" })

        // Pings already under way, and those while the stamp is still within the period, may still come.
        healthy.withLock { $0 = false }
        _ = socket.drain(for: 600)
        #expect(socket.drain(for: 400).isEmpty)
        let stalledEvents = events.withLock { $0 }
        #expect(stalledEvents.count == 1)
        if case .stalled(let duration) = stalledEvents.first {
            #expect(duration > .milliseconds(200))
        } else {
            Issue.record("expected one stall report, got \(stalledEvents)")
        }

        healthy.withLock { $0 = true }
        #expect(socket.receive(timeoutMilliseconds: 1_000) == "WATCHDOG=1")
        #expect(events.withLock { $0.last } == .recovered)

        task.cancel()
        await task.value
    }

    @Test func runReportsAFailingPingOnce() async throws {
        let address = "/tmp/custodyd-no-such-dir-watchdog/notify"
        let events = Mutex<[Watchdog.Event]>([])
        let watchdog = Watchdog(
            schedule: WatchdogSchedule(timeout: .milliseconds(40)),
            notifier: SystemdNotifier(environment: ["NOTIFY_SOCKET": address]),
            lastProgress: { .now }
        )
        let task = Task { await watchdog.run { event in events.withLock { $0.append(event) } } }
        try await Task.sleep(for: .milliseconds(200))
        task.cancel()
        await task.value
        #expect(events.withLock { $0 } == [.pingFailed(.sendFailed(address: address, errno: 2))])
    }
}
