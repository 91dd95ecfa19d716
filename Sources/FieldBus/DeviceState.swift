import DeviceProfiles
import Modbus

/// What the bus thread keeps about one device: its read schedule, its health, and what it last reported.
/// Confined to the bus thread.
final class DeviceState {
    /// One planned read and how often it is due.
    struct ScheduledBatch {
        let batch: ReadBatch
        let intervalMs: Int
    }

    let spec: DeviceSpec
    /// Its place among its bus's devices.
    let index: Int
    let profile: DeviceProfile
    let timeouts: ModbusTimeouts
    let batches: [ScheduledBatch]
    /// When each batch is next due, beside `batches` so that choosing the next read touches plain values.
    private var dues: [ContinuousClock.Instant]
    private(set) var health: DeviceStatus.Health = .unknown
    private(set) var misses = 0
    /// The last failure that was a real attempt (not "link down, waiting to reconnect"): what an offline
    /// report names as the reason.
    private(set) var cause: ModbusError?
    /// While offline, when the next probe (the first batch) is due.
    private var probeDue: ContinuousClock.Instant
    /// The reading last reported per point.
    private var reported: [String: PointReading] = [:]
    /// Per counter event, the counter's last good value.
    var counterBaselines: [String: Double] = [:]
    /// Latch events seen set whose acknowledgement has not gone through yet.
    var awaitingAck: Set<String> = []

    init(spec: DeviceSpec, index: Int, now: ContinuousClock.Instant) {
        self.spec = spec
        self.index = index
        profile = spec.effectiveProfile
        timeouts = ModbusTimeouts(
            responseMilliseconds: profile.timing.timeoutMs, byteMilliseconds: profile.timing.byteTimeoutMs)
        batches = ReadPlanner.schedule(profile).flatMap { group in
            group.batches.map { ScheduledBatch(batch: $0, intervalMs: group.intervalMs) }
        }
        dues = Array(repeating: now, count: batches.count)
        probeDue = now
    }

    /// The next read this device wants and when: its earliest due batch, or, while offline, one probe per
    /// `offline_interval_ms` so a dead device costs at most one timeout per interval.
    func nextPoll() -> (index: Int, due: ContinuousClock.Instant)? {
        guard !dues.isEmpty else { return nil }
        if health == .offline { return (0, probeDue) }
        var best = 0
        for index in dues.indices where dues[index] < dues[best] { best = index }
        return (best, dues[best])
    }

    /// Moves the batch's next due time on, before it is read (a failed read is not retried at once).
    func willPoll(_ index: Int, now: ContinuousClock.Instant) {
        if health == .offline {
            probeDue = now.advanced(by: .milliseconds(profile.poll.offlineIntervalMs))
            return
        }
        dues[index] = max(dues[index].advanced(by: .milliseconds(batches[index].intervalMs)), now)
    }

    /// Puts off a batch the device refused (an exception reply) to the offline interval: the profile and
    /// the unit disagree, and asking again at once would only repeat the refusal.
    func refused(_ index: Int, now: ContinuousClock.Instant) {
        dues[index] = now.advanced(by: .milliseconds(profile.poll.offlineIntervalMs))
    }

    /// Records a good reply. Returns true when the device just came (back) online.
    func answered(now: ContinuousClock.Instant) -> Bool {
        misses = 0
        guard health != .online else { return false }
        if health == .offline {
            for index in dues.indices { dues[index] = now }
        }
        health = .online
        return true
    }

    /// Records a failed transaction. Returns true when the device just went offline.
    func missed(_ error: ModbusError, now: ContinuousClock.Instant) -> Bool {
        misses += 1
        if case .notConnected = error {} else { cause = error }
        guard health != .offline, misses >= max(1, profile.poll.offlineAfterMisses) else { return false }
        health = .offline
        probeDue = now.advanced(by: .milliseconds(profile.poll.offlineIntervalMs))
        reported = [:]  // report every point afresh once the device is back
        return true
    }

    /// The samples worth reporting: a point's first reading, then changes; a numeric point with a
    /// deadband only when it moved by more than the deadband since the last report.
    func changes(in samples: [PointSample]) -> [PointSample] {
        samples.filter { sample in
            let changed: Bool
            if let last = reported[sample.point] {
                changed = differs(last, sample.reading, deadband: spec.deadbands[sample.point] ?? 0)
            } else {
                changed = true
            }
            if changed { reported[sample.point] = sample.reading }
            return changed
        }
    }

    private func differs(_ old: PointReading, _ new: PointReading, deadband: Double) -> Bool {
        guard deadband > 0, case .value(let before) = old, case .value(let after) = new,
            isNumber(before), isNumber(after), let a = before.numericValue, let b = after.numericValue
        else { return old != new }
        return abs(b - a) > deadband
    }

    private func isNumber(_ value: ModbusValue) -> Bool {
        switch value {
        case .int, .uint, .double: true
        case .bool, .string, .bits: false
        }
    }
}
