import Modbus
import Synchronization

/// Every device's counters and recent latencies, written by the bus threads and read by ``FieldBusSupervisor/status()``.
final class StatusBoard: Sendable {
    private struct Record {
        var status: DeviceStatus
        var latency = LatencyWindow()

        mutating func count(isPoll: Bool, latencyMs: Double?, error: ModbusError?) {
            if isPoll { status.polls += 1 } else { status.writes += 1 }
            if let latencyMs {
                latency.record(latencyMs)
                status.lastLatencyMs = latencyMs
            }
            if let error {
                status.errors[error.category, default: 0] += 1
                // "Link down, next attempt in …" says less than the failure that took the link down.
                let isWaiting = if case .notConnected = error { true } else { false }
                if !isWaiting || status.lastError == nil {
                    status.lastError = "\(status.device) (bus \(status.bus), unit \(status.unit)): \(error)"
                }
            }
        }
    }

    private let records: Mutex<[String: Record]>
    private let order: [String]

    init(devices: [DeviceSpec]) {
        order = devices.map(\.id)
        records = Mutex(
            Dictionary(uniqueKeysWithValues: devices.map {
                ($0.id, Record(status: DeviceStatus(device: $0.id, bus: $0.busID, unit: $0.unit)))
            }))
    }

    /// Counts one transaction of `device`: a poll read or a write, its latency when good, its class when not.
    func record(device: String, isPoll: Bool, latencyMs: Double?, error: ModbusError?) {
        records.withLock { all in
            // Changed in place: a copy taken out and stored back would copy the latency window every time.
            all[device]?.count(isPoll: isPoll, latencyMs: latencyMs, error: error)
        }
    }

    /// Sets the device's health and consecutive misses.
    func setHealth(device: String, health: DeviceStatus.Health, misses: Int) {
        records.withLock { all in
            all[device]?.status.health = health
            all[device]?.status.misses = misses
        }
    }

    /// The devices' status in configuration order, with latency percentiles.
    func snapshot() -> [DeviceStatus] {
        records.withLock { all in
            order.compactMap { id in
                guard let record = all[id] else { return nil }
                var status = record.status
                status.p50LatencyMs = record.latency.quantile(0.5)
                status.p99LatencyMs = record.latency.quantile(0.99)
                return status
            }
        }
    }
}
