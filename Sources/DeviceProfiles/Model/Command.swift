public import Modbus

/// A write the daemon may send to a device (never polled): an unlock pulse, an acknowledgement,
/// a calibration.
public struct Command: Sendable, Hashable {
    /// Unique within the profile; a name containing `unlock` marks a door unlock.
    public var name: String
    /// `coil` or `holding_register`.
    public var table: ModbusTable
    /// The 0-based PDU address written.
    public var address: Int
    /// What is sent.
    public var write: CommandWrite
    /// Present when the device itself times the action (a door opens for `duration_ms`, then
    /// locks again with no further word from us). Required for door unlocks.
    public var pulse: Pulse?
    /// A read-back that proves the command worked. Required for door unlocks.
    public var verify: Verify?
    /// Who may send it by hand through the daemon's API; `nil` leaves it to the API's diagnostics permission.
    public var requiresRole: CommandRole?
    /// The `description` text, if any.
    public var summary: String?
    /// Where the command is written.
    public var location: SourceLocation

    public init(
        name: String, table: ModbusTable, address: Int, write: CommandWrite, pulse: Pulse? = nil,
        verify: Verify? = nil, requiresRole: CommandRole? = nil, summary: String? = nil,
        location: SourceLocation = .unknown
    ) {
        self.name = name
        self.table = table
        self.address = address
        self.write = write
        self.pulse = pulse
        self.verify = verify
        self.requiresRole = requiresRole
        self.summary = summary
        self.location = location
    }

    /// Whether this is a door unlock, which must be a device-timed pulse with a verify.
    public var isUnlock: Bool { name.contains("unlock") }
}
