import DeviceProfiles
import FieldBus
import Foundation
import Glibc

/// The FieldBus layer polling back to back: `units` devices behind one Modbus/TCP endpoint, each with
/// its poll interval overridden to 1 ms (the smallest the supervisor accepts), for `seconds`. With one
/// device that is at most 1,000 polls/s; with enough devices the bus thread never waits, and the figure
/// is what one bus connection can carry.
struct PollRate {
    let host: String
    let port: Int
    let units: Int
    let profile: DeviceProfile
    let seconds: Double

    func run() async throws -> String {
        let bus = BusSpec(id: "bench-tcp", endpoint: .tcp(host: host, port: port))
        let devices = (1...units).map {
            DeviceSpec(id: "device-\($0)", busID: bus.id, unit: $0, profile: profile, pollIntervalOverrideMs: 1)
        }
        let supervisor = try FieldBusSupervisor(buses: [bus], devices: devices) { _ in }
        supervisor.start()
        defer { supervisor.stop() }
        // Warm up: the connection opens, every device answers once.
        let ready = ContinuousClock.now + .seconds(10)
        while supervisor.status().contains(where: { $0.health != .online }), ContinuousClock.now < ready {
            try await Task.sleep(for: .milliseconds(10))
        }
        try await Task.sleep(for: .milliseconds(300))
        let before = Self.totals(supervisor), cpuBefore = Self.cpuSeconds(), start = ContinuousClock.now
        try await Task.sleep(for: .milliseconds(Int(seconds * 1000)))
        let after = Self.totals(supervisor), cpuAfter = Self.cpuSeconds()
        let elapsed = (ContinuousClock.now - start).milliseconds / 1000
        let polls = after.polls - before.polls
        let first = supervisor.status().first
        let p50 = (first?.p50LatencyMs ?? .nan) * 1000, p99 = (first?.p99LatencyMs ?? .nan) * 1000
        return "poll units=\(units) requests=\(polls) seconds=\(String(format: "%.3f", elapsed)) "
            + "rps=\(String(format: "%.0f", Double(polls) / elapsed)) p50_us=\(String(format: "%.1f", p50)) "
            + "p99_us=\(String(format: "%.1f", p99)) cpu_us=\(String(format: "%.2f", (cpuAfter - cpuBefore) / Double(max(polls, 1)) * 1e6)) "
            + "errors=\(after.errors - before.errors)"
    }

    private static func totals(_ supervisor: FieldBusSupervisor) -> (polls: Int, errors: Int) {
        supervisor.status().reduce((0, 0)) { sum, status in (sum.0 + status.polls, sum.1 + status.errors.values.reduce(0, +)) }
    }

    /// This process's user + system CPU time.
    private static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }
}
