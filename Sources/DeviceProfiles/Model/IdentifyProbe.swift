public import Modbus

/// A read that tells whether a device at an address is this model (for `custodyctl diag scan`).
public struct IdentifyProbe: Sendable, Hashable {
    /// The table read.
    public var table: ModbusTable
    /// The 0-based PDU address read.
    public var address: Int
    /// A one-register type; `uint16` unless written.
    public var type: ValueType
    /// The raw value must lie in this range (both ends included).
    public var expectRange: ClosedRange<Int64>
    /// Where the probe is written.
    public var location: SourceLocation

    public init(
        table: ModbusTable, address: Int, type: ValueType = .uint16, expectRange: ClosedRange<Int64>,
        location: SourceLocation = .unknown
    ) {
        self.table = table
        self.address = address
        self.type = type
        self.expectRange = expectRange
        self.location = location
    }
}
