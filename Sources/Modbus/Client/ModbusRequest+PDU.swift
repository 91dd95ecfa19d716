extension ModbusRequest {
    /// The PDU (function code and data) of a write as it goes on the wire, or nil for a request that
    /// reads (which needs an answer).
    var writePDU: [UInt8]? {
        func word(_ value: Int) -> [UInt8] { [UInt8(truncatingIfNeeded: value >> 8), UInt8(truncatingIfNeeded: value)] }
        switch self {
        case .writeCoil(let address, let value):
            return [5] + word(address) + [value ? 0xFF : 0x00, 0x00]
        case .writeRegister(let address, let value):
            return [6] + word(address) + word(Int(value))
        case .writeCoils(let address, let values):
            var packed = [UInt8](repeating: 0, count: (values.count + 7) / 8)
            for (index, value) in values.enumerated() where value { packed[index / 8] |= 1 << (index % 8) }
            return [15] + word(address) + word(values.count) + [UInt8(packed.count)] + packed
        case .writeRegisters(let address, let values):
            return [16] + word(address) + word(values.count) + [UInt8(values.count * 2)] + values.flatMap { word(Int($0)) }
        case .raw(let pdu):
            return pdu
        case .readBits, .readRegisters, .reportServerID:
            return nil
        }
    }
}
