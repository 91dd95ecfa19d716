/// One request as a simulated device receives it.
public struct ServedRequest: Sendable, Hashable {
    public let unit: Int
    public let functionCode: UInt8
    /// The table the request touches, for the standard read and write functions.
    public let table: ModbusTable?
    public let address: Int
    public let count: Int

    /// Whether the request changes the device's tables.
    public var isWrite: Bool { [5, 6, 15, 16, 22, 23].contains(functionCode) }
}

/// What a simulated device does instead of answering normally.
public enum ServerFault: Sendable, Hashable {
    /// Say nothing: the master times out.
    case noAnswer
    /// Answer with a Modbus exception.
    case exception(ModbusException)
    /// Close the TCP connection (on RTU: say nothing, as a device that reset).
    case dropConnection
    /// Answer with a damaged frame: a bad CRC on RTU, a wrong transaction id on TCP.
    case corruptFrame
    /// Answer correctly, late.
    case delay(milliseconds: Int)
}

/// What a Modbus server serves and how it misbehaves. Called on the server's connection threads.
public protocol ModbusServerBehavior: Sendable {
    /// The tables of the device at `unit`, or nil when no device has that unit id.
    func store(forUnit unit: Int) -> ModbusDataStore?
    /// The unit ids served, which a broadcast write (unit 0 on RTU) reaches. By default every id 1–247
    /// that ``store(forUnit:)`` knows.
    var servedUnits: [Int] { get }
    /// A fault to inject for this request, or nil to answer normally.
    func fault(for request: ServedRequest) -> ServerFault?
    /// Called after a write was applied to the tables and acknowledged.
    func didWrite(_ request: ServedRequest)
    /// A reply PDU (function code and data) for a request the standard tables cannot answer, such as a
    /// vendor's non-standard coil value; nil to answer normally. The server adds the framing.
    func vendorReply(for request: ServedRequest, pdu: [UInt8]) -> [UInt8]?
}

extension ModbusServerBehavior {
    public var servedUnits: [Int] { (1...247).filter { store(forUnit: $0) != nil } }
    public func fault(for request: ServedRequest) -> ServerFault? { nil }
    public func didWrite(_ request: ServedRequest) {}
    public func vendorReply(for request: ServedRequest, pdu: [UInt8]) -> [UInt8]? { nil }
}

/// Serves fixed tables per unit id, without faults.
public struct StaticUnits: ModbusServerBehavior {
    public let units: [Int: ModbusDataStore]
    public init(_ units: [Int: ModbusDataStore]) { self.units = units }
    public func store(forUnit unit: Int) -> ModbusDataStore? { units[unit] }
    public var servedUnits: [Int] { units.keys.sorted() }
}
