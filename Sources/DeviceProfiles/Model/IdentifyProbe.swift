public import Modbus

/// A read that tells whether a device at an address is this model (for `custodyctl diag scan`).
public struct IdentifyProbe: Sendable, Hashable {
    public var table: ModbusTable
    public var address: Int
    public var type: ValueType
    /// The raw value must lie in this range (both ends included).
    public var expectRange: ClosedRange<Int64>
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
