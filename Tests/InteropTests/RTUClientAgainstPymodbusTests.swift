import Modbus
import Testing

/// Our RTU client (libmodbus framing, our flush-after-error recovery) against an independent RTU stack:
/// a pymodbus serial server on one end of a socat pseudo-terminal pair.
@Suite("Our RTU client against a pymodbus RTU server")
struct RTUClientAgainstPymodbusTests {
    static let unit = 4
    static let fast = ModbusTimeouts(responseMilliseconds: 300, byteMilliseconds: 50)

    static func connect() throws -> (PeerProcess, ModbusConnection) {
        let (server, path) = try Peers.startPymodbusRTUServer(unit: unit)
        do {
            return (server, try ModbusConnection(endpoint: .rtu(path: path, line: try SerialLine(shorthand: "9600-8N1"))))
        } catch {
            server.terminate()
            throw error
        }
    }

    @Test func readsAllFourTablesAndWritesWithEachWriteFunction() throws {
        let (server, connection) = try Self.connect()
        defer { server.terminate() }
        let unit = Self.unit
        #expect(try connection.perform(.readRegisters(.holdingRegister, address: 0, count: 10), unit: unit)
            == .registers((0..<10).map(KnownValues.holding)))
        #expect(try connection.perform(.readRegisters(.inputRegister, address: 50, count: 50), unit: unit)
            == .registers((50..<100).map(KnownValues.input)))
        #expect(try connection.perform(.readBits(.coil, address: 1, count: 12), unit: unit) == .bits((1..<13).map(KnownValues.coil)))
        #expect(try connection.perform(.readBits(.discreteInput, address: 0, count: 32), unit: unit)
            == .bits((0..<32).map(KnownValues.discreteInput)))

        #expect(try connection.perform(.writeRegister(address: 11, value: 0x0BAD), unit: unit) == .written)
        #expect(try connection.perform(.writeRegisters(address: 12, values: [5, 6]), unit: unit) == .written)
        #expect(try connection.perform(.writeCoil(address: 0, value: false), unit: unit) == .written)
        #expect(try connection.perform(.writeCoils(address: 16, values: [true, true, true]), unit: unit) == .written)
        #expect(try connection.perform(.readRegisters(.holdingRegister, address: 10, count: 4), unit: unit)
            == .registers([KnownValues.holding(10), 0x0BAD, 5, 6]))
        #expect(try connection.perform(.readBits(.coil, address: 0, count: 1), unit: unit) == .bits([false]))
        #expect(try connection.perform(.readBits(.coil, address: 15, count: 5), unit: unit)
            == .bits([KnownValues.coil(15), true, true, true, KnownValues.coil(19)]))
    }

    @Test func anAddressPastTheMapIsRefusedAsIllegalDataAddress() throws {
        let (server, connection) = try Self.connect()
        defer { server.terminate() }
        #expect(throws: ModbusError.deviceRefused(.illegalDataAddress)) {
            try connection.perform(.readRegisters(.holdingRegister, address: 99, count: 2), unit: Self.unit)
        }
        #expect(try connection.perform(.readRegisters(.holdingRegister, address: 99, count: 1), unit: Self.unit)
            == .registers([KnownValues.holding(99)]))
    }

    @Test func aSilentUnitIsNoAnswerAndTheLineStaysInStep() throws {
        let (server, connection) = try Self.connect()
        defer { server.terminate() }
        #expect(throws: ModbusError.noAnswer(timeoutMilliseconds: 300)) {
            try connection.perform(.readRegisters(.holdingRegister, address: 0, count: 1), unit: Self.unit + 1, timeouts: Self.fast)
        }
        #expect(try connection.perform(.readRegisters(.holdingRegister, address: 3, count: 2), unit: Self.unit, timeouts: Self.fast)
            == .registers([KnownValues.holding(3), KnownValues.holding(4)]))
    }
}
