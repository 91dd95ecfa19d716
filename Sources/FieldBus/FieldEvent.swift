public import DeviceProfiles
public import Modbus

/// What the field bus saw, reported on the bus's own thread as it happens. FieldBus knows devices, points
/// and events; the station service maps them to doors, zones and people.
public struct FieldEvent: Sendable, Equatable {
    /// What changed.
    public enum Kind: Sendable, Equatable {
        /// A point's reading: the first one, then only changes (numeric points with a deadband only when
        /// they move by more than it). After a device comes back online its first readings are reported again.
        case sample(point: String, reading: PointReading)
        /// A profile event happened `count` times since the last report (a latch is always 1; a counter
        /// reports its increment). `captures` holds the readings of the event's capture points.
        case occurred(event: String, count: Int, captures: [String: PointReading])
        /// The device answered after being unknown or offline.
        case online
        /// The device missed `misses` polls in a row; it is now probed only every `offline_interval_ms`.
        case offline(error: ModbusError, misses: Int)
        /// A command sent through ``FieldBusSupervisor/send(command:to:)`` finished.
        case commandFinished(command: String, outcome: CommandOutcome)
    }

    /// The ``DeviceSpec/id`` of the device.
    public var device: String
    /// Wall-clock UTC milliseconds since 1970, taken when the reply (or the failure) arrived.
    public var timestampMs: Int64
    /// What happened.
    public var kind: Kind

    public init(device: String, timestampMs: Int64, kind: Kind) {
        self.device = device
        self.timestampMs = timestampMs
        self.kind = kind
    }
}
