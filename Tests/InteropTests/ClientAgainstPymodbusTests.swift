import Modbus
import Testing

/// Our client (ModbusConnection over libmodbus) against an independent stack: a pymodbus TCP server.
@Suite("Our client against a pymodbus server")
struct ClientAgainstPymodbusTests {
    static let unit = 1

    @Test func readsAllFourTablesAsPymodbusServesThem() throws {
        let (server, port) = try Peers.startPymodbusServer(unit: Self.unit)
        defer { server.terminate() }
        let connection = try ModbusConnection(endpoint: .tcp(host: "127.0.0.1", port: port))

        let holding = try connection.perform(.readRegisters(.holdingRegister, address: 0, count: 10), unit: Self.unit)
        #expect(holding == .registers((0..<10).map(KnownValues.holding)))
        let tail = try connection.perform(.readRegisters(.holdingRegister, address: 90, count: 10), unit: Self.unit)
        #expect(tail == .registers((90..<100).map(KnownValues.holding)))
        let input = try connection.perform(.readRegisters(.inputRegister, address: 3, count: 5), unit: Self.unit)
        #expect(input == .registers((3..<8).map(KnownValues.input)))
        let coils = try connection.perform(.readBits(.coil, address: 0, count: 20), unit: Self.unit)
        #expect(coils == .bits((0..<20).map(KnownValues.coil)))
        let discrete = try connection.perform(.readBits(.discreteInput, address: 5, count: 11), unit: Self.unit)
        #expect(discrete == .bits((5..<16).map(KnownValues.discreteInput)))
    }

    @Test func writesWithEachWriteFunctionAndReadsThemBack() throws {
        let (server, port) = try Peers.startPymodbusServer(unit: Self.unit)
        defer { server.terminate() }
        let connection = try ModbusConnection(endpoint: .tcp(host: "127.0.0.1", port: port))

        #expect(try connection.perform(.writeRegister(address: 7, value: 0xCAFE), unit: Self.unit) == .written)
        #expect(try connection.perform(.writeRegisters(address: 40, values: [1, 0xFFFF, 3]), unit: Self.unit) == .written)
        #expect(try connection.perform(.writeCoil(address: 3, value: false), unit: Self.unit) == .written)
        #expect(try connection.perform(.writeCoil(address: 4, value: true), unit: Self.unit) == .written)
        let pattern = [true, true, false, true, false, false, true, true, true]
        #expect(try connection.perform(.writeCoils(address: 20, values: pattern), unit: Self.unit) == .written)

        #expect(try connection.perform(.readRegisters(.holdingRegister, address: 6, count: 3), unit: Self.unit)
            == .registers([KnownValues.holding(6), 0xCAFE, KnownValues.holding(8)]))
        #expect(try connection.perform(.readRegisters(.holdingRegister, address: 40, count: 3), unit: Self.unit)
            == .registers([1, 0xFFFF, 3]))
        #expect(try connection.perform(.readBits(.coil, address: 2, count: 4), unit: Self.unit)
            == .bits([KnownValues.coil(2), false, true, KnownValues.coil(5)]))
        #expect(try connection.perform(.readBits(.coil, address: 20, count: 9), unit: Self.unit) == .bits(pattern))
    }

    @Test func anAddressPastTheMapIsRefusedAsIllegalDataAddressAndTheLinkStaysUsable() throws {
        let (server, port) = try Peers.startPymodbusServer(unit: Self.unit)
        defer { server.terminate() }
        let connection = try ModbusConnection(endpoint: .tcp(host: "127.0.0.1", port: port))

        #expect(throws: ModbusError.deviceRefused(.illegalDataAddress)) {
            try connection.perform(.readRegisters(.holdingRegister, address: 95, count: 10), unit: Self.unit)
        }
        #expect(throws: ModbusError.deviceRefused(.illegalDataAddress)) {
            try connection.perform(.writeRegister(address: 100, value: 1), unit: Self.unit)
        }
        #expect(throws: ModbusError.deviceRefused(.illegalDataAddress)) {
            try connection.perform(.readBits(.discreteInput, address: 32, count: 1), unit: Self.unit)
        }
        #expect(connection.isConnected)
        #expect(try connection.perform(.readRegisters(.inputRegister, address: 99, count: 1), unit: Self.unit)
            == .registers([KnownValues.input(99)]))
    }
}
