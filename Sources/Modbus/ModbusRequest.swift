/// One Modbus transaction a master asks of a device.
public enum ModbusRequest: Sendable, Hashable {
    /// FC1 (coils) or FC2 (discrete inputs).
    case readBits(ModbusTable, address: Int, count: Int)
    /// FC3 (holding registers) or FC4 (input registers).
    case readRegisters(ModbusTable, address: Int, count: Int)
    /// FC5: one coil, 0xFF00 or 0x0000 on the wire.
    case writeCoil(address: Int, value: Bool)
    /// FC15.
    case writeCoils(address: Int, values: [Bool])
    /// FC6.
    case writeRegister(address: Int, value: UInt16)
    /// FC16.
    case writeRegisters(address: Int, values: [UInt16])
    /// Any PDU (function code and data) sent as is, for vendor quirks such as a coil value 0x5500 (toggle).
    case raw(pdu: [UInt8])
    /// FC17, report server id.
    case reportServerID

    /// Whether the request changes the device (commands jump the poll queue).
    public var isWrite: Bool {
        switch self {
        case .writeCoil, .writeCoils, .writeRegister, .writeRegisters, .raw: true
        case .readBits, .readRegisters, .reportServerID: false
        }
    }

    /// Checks addresses and counts against the protocol limits before anything is sent.
    public func validate() throws(ModbusError) {
        func span(_ address: Int, _ count: Int, max: Int) throws(ModbusError) {
            guard (0...65535).contains(address) else { throw .invalidRequest("address \(address) is outside 0–65535") }
            guard count >= 1, count <= max else { throw .invalidRequest("count \(count) is outside 1–\(max)") }
            guard address + count - 1 <= 65535 else {
                throw .invalidRequest("address \(address) + count \(count) runs past 65535")
            }
        }
        switch self {
        case .readBits(let table, let address, let count):
            guard table.isBits else { throw .invalidRequest("\(table.rawValue) is not a bit table") }
            try span(address, count, max: 2000)
        case .readRegisters(let table, let address, let count):
            guard !table.isBits else { throw .invalidRequest("\(table.rawValue) is not a register table") }
            try span(address, count, max: 125)
        case .writeCoil(let address, _), .writeRegister(let address, _):
            try span(address, 1, max: 1)
        case .writeCoils(let address, let values):
            try span(address, values.count, max: 1968)
        case .writeRegisters(let address, let values):
            try span(address, values.count, max: 123)
        case .raw(let pdu):
            guard !pdu.isEmpty, pdu.count <= 253 else { throw .invalidRequest("a raw PDU must be 1–253 bytes") }
        case .reportServerID:
            break
        }
    }
}

/// What a device answered.
public enum ModbusResponse: Sendable, Hashable {
    case bits([Bool])
    case registers([UInt16])
    /// A write was acknowledged.
    case written
    /// The reply's PDU (function code and data), for raw requests and FC17.
    case raw([UInt8])

    public var registers: [UInt16]? { if case .registers(let r) = self { r } else { nil } }
    public var bits: [Bool]? { if case .bits(let b) = self { b } else { nil } }
}

/// Per-request timing, taken from the device's profile.
public struct ModbusTimeouts: Sendable, Hashable {
    /// Wait for the first byte of the reply.
    public var responseMilliseconds: Int
    /// Wait between bytes of one reply; 0 means the whole reply must arrive within the response timeout.
    public var byteMilliseconds: Int

    public init(responseMilliseconds: Int = 500, byteMilliseconds: Int = 500) {
        self.responseMilliseconds = max(1, responseMilliseconds)
        self.byteMilliseconds = max(0, byteMilliseconds)
    }

    public static let standard = ModbusTimeouts()
}
