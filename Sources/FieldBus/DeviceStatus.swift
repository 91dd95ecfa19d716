/// One device's health and traffic, for metrics and `custodyctl status`.
public struct DeviceStatus: Sendable, Hashable {
    /// Whether the device answers.
    public enum Health: String, Sendable, Hashable {
        /// Not polled yet.
        case unknown
        case online
        /// Missed `offline_after_misses` polls in a row; probed every `offline_interval_ms`.
        case offline
    }

    public var device: String
    public var bus: String
    public var unit: Int
    public var health: Health
    /// Failed transactions in a row (0 after any good reply).
    public var misses: Int
    /// The most recent error, kept after recovery for diagnosis.
    public var lastError: String?
    /// Poll reads attempted.
    public var polls: Int
    /// Command and acknowledgement writes attempted.
    public var writes: Int
    /// Failed transactions by ``Modbus/ModbusError/category``.
    public var errors: [String: Int]
    /// Round-trip time of the last good transaction.
    public var lastLatencyMs: Double?
    /// Median round-trip time over the recent good transactions.
    public var p50LatencyMs: Double?
    /// 99th percentile round-trip time over the recent good transactions.
    public var p99LatencyMs: Double?

    public init(
        device: String, bus: String, unit: Int, health: Health = .unknown, misses: Int = 0, lastError: String? = nil,
        polls: Int = 0, writes: Int = 0, errors: [String: Int] = [:], lastLatencyMs: Double? = nil,
        p50LatencyMs: Double? = nil, p99LatencyMs: Double? = nil
    ) {
        self.device = device
        self.bus = bus
        self.unit = unit
        self.health = health
        self.misses = misses
        self.lastError = lastError
        self.polls = polls
        self.writes = writes
        self.errors = errors
        self.lastLatencyMs = lastLatencyMs
        self.p50LatencyMs = p50LatencyMs
        self.p99LatencyMs = p99LatencyMs
    }
}
