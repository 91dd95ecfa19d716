public import Modbus

/// One read request: a run of addresses in one table, covering one or more points.
public struct ReadBatch: Sendable, Hashable {
    /// The one table the read covers.
    public let table: ModbusTable
    /// The first address read (0-based PDU).
    public let address: Int
    /// How many registers (or bits) are read.
    public let count: Int
    /// The points the read covers, by address.
    public let points: [Point]

    public init(table: ModbusTable, address: Int, count: Int, points: [Point]) {
        self.table = table
        self.address = address
        self.count = count
        self.points = points
    }

    /// FC1, FC2, FC3 or FC4.
    public var functionCode: UInt8 { table.readFunctionCode }

    /// The addresses read.
    public var addresses: ClosedRange<Int> { address...(address + count - 1) }
}
