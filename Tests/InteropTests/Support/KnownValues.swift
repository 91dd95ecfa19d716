import Modbus

/// The values both sides agree on: the pymodbus server peer serves exactly these (see
/// peers/pymodbus_server.py), and our servers serve them to the pymodbus client and mbpoll.
enum KnownValues {
    static let registerCount = 100
    static let bitCount = 32

    static func holding(_ address: Int) -> UInt16 { UInt16(0x1000 + 3 * address) }
    static func input(_ address: Int) -> UInt16 { UInt16(2000 + address) }
    static func coil(_ address: Int) -> Bool { address % 3 == 0 }
    static func discreteInput(_ address: Int) -> Bool { address % 2 == 1 }

    /// A data store holding the known values, for our TCP and RTU servers.
    static func store() throws -> ModbusDataStore {
        let store = try ModbusDataStore(ranges: [
            .coil: 0...(bitCount - 1), .discreteInput: 0...(bitCount - 1),
            .holdingRegister: 0...(registerCount - 1), .inputRegister: 0...(registerCount - 1),
        ])
        try store.setRegisters(.holdingRegister, address: 0, values: (0..<registerCount).map(holding))
        try store.setRegisters(.inputRegister, address: 0, values: (0..<registerCount).map(input))
        try store.setBits(.coil, address: 0, values: (0..<bitCount).map(coil))
        try store.setBits(.discreteInput, address: 0, values: (0..<bitCount).map(discreteInput))
        return store
    }
}
