import StationService
import Testing

struct WatchdogScheduleTests {
    @Test func pingsAtHalfTheTimeoutSystemdSet() throws {
        let schedule = try #require(WatchdogSchedule(environment: ["WATCHDOG_USEC": "10000000"], processID: 42))
        #expect(schedule.timeout == .seconds(10))
        #expect(schedule.pingInterval == .seconds(5))
    }

    @Test func acceptsTheWatchedProcess() throws {
        let environment = ["WATCHDOG_USEC": "3000000", "WATCHDOG_PID": "42"]
        let schedule = try #require(WatchdogSchedule(environment: environment, processID: 42))
        #expect(schedule.pingInterval == .milliseconds(1_500))
    }

    @Test(arguments: [
        [String: String](),
        ["WATCHDOG_USEC": "0"],
        ["WATCHDOG_USEC": "-5"],
        ["WATCHDOG_USEC": "ten seconds"],
        ["WATCHDOG_USEC": ""],
        ["WATCHDOG_USEC": "10000000", "WATCHDOG_PID": "43"],
        ["WATCHDOG_USEC": "10000000", "WATCHDOG_PID": "parent"],
        ["WATCHDOG_PID": "42"],
    ])
    func isOffUnlessSystemdWatchesThisProcess(environment: [String: String]) {
        #expect(WatchdogSchedule(environment: environment, processID: 42) == nil)
    }

    @Test func isOffInATestProcess() {
        #expect(WatchdogSchedule.fromProcessEnvironment() == nil)
    }
}
