public import Modbus

/// Something a device reports once per occurrence (a wristband read), detected by a latch that the
/// master acknowledges or by a counter that moves, never by a value change alone: the same tag read
/// twice is two events.
public struct DeviceEvent: Sendable, Hashable {
    /// How an occurrence shows in the registers.
    public enum Trigger: Sendable, Hashable {
        /// `point` reads `equals` until acknowledged.
        case latch(point: String, equals: ModbusValue)
        /// Each change of `point` is one occurrence.
        case counter(point: String)
    }

    /// The write that re-arms a latch.
    public struct Acknowledge: Sendable, Hashable {
        /// The table written: `coil` or `holding_register`.
        public var table: ModbusTable
        /// The 0-based PDU address written.
        public var address: Int
        /// The value written (0 or 1 for a coil).
        public var value: UInt16

        public init(table: ModbusTable, address: Int, value: UInt16) {
            self.table = table
            self.address = address
            self.value = value
        }
    }

    /// Unique within the profile.
    public var name: String
    /// How an occurrence is detected.
    public var trigger: Trigger
    /// Points read with the event (e.g. the tag id).
    public var capture: [String]
    /// The write that re-arms a latch; required for latches.
    public var ack: Acknowledge?
    /// Where the event is written.
    public var location: SourceLocation

    public init(
        name: String, trigger: Trigger, capture: [String] = [], ack: Acknowledge? = nil,
        location: SourceLocation = .unknown
    ) {
        self.name = name
        self.trigger = trigger
        self.capture = capture
        self.ack = ack
        self.location = location
    }
}
