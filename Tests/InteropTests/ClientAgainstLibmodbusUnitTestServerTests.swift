import Modbus
import Testing

/// Our client against libmodbus's own `unit-test-server`, checked against the map its unit-test.h defines.
///
/// The server accepts one connection and quits when it closes, so each test starts its own.
@Suite("Our client against libmodbus's unit-test-server")
struct ClientAgainstLibmodbusUnitTestServerTests {
    // unit-test.h
    static let serverID = 17
    static let bitsAddress = 0x130
    static let bitsTable: [UInt8] = [0xCD, 0x6B, 0xB2, 0x0E, 0x1B]
    static let bitsCount = 0x25
    static let inputBitsAddress = 0x1C4
    static let inputBitsTable: [UInt8] = [0xAC, 0xDB, 0x35]
    static let inputBitsCount = 0x16
    static let registersAddress = 0x160
    static let registersTable: [UInt16] = [0x022B, 0x0001, 0x0064]
    static let registersCountMax = 0x20
    static let inputRegistersAddress = 0x108
    static let inputRegistersTable: [UInt16] = [0x000A]
    static let addressSpecial = 0x170
    static let addressInvalidTID = 0x171
    static let addressSleep500ms = 0x172
    /// Reading this many holding registers gets a reply with one register fewer.
    static let countSpecial = 0x2

    /// Unpacks bytes into bits, least significant bit first, as Modbus packs them.
    static func unpack(_ bytes: [UInt8], count: Int) -> [Bool] {
        (0..<count).map { bytes[$0 / 8] >> ($0 % 8) & 1 == 1 }
    }

    static func connect() throws -> (PeerProcess, ModbusConnection) {
        let server = try PeerProcess("unit-test-server", executable: try LibmodbusExamples.unitTestServer(), arguments: ["tcp"])
        do {
            let port = try server.awaitReadyPort()
            return (server, try ModbusConnection(endpoint: .tcp(host: "127.0.0.1", port: port)))
        } catch {
            server.terminate()
            throw error
        }
    }

    @Test func readsTheInputTablesUnitTestHDefines() throws {
        let (server, connection) = try Self.connect()
        defer { server.terminate() }
        let bits = try connection.perform(
            .readBits(.discreteInput, address: Self.inputBitsAddress, count: Self.inputBitsCount), unit: Self.serverID)
        #expect(bits == .bits(Self.unpack(Self.inputBitsTable, count: Self.inputBitsCount)))
        let registers = try connection.perform(
            .readRegisters(.inputRegister, address: Self.inputRegistersAddress, count: 1), unit: Self.serverID)
        #expect(registers == .registers(Self.inputRegistersTable))
    }

    @Test func writesTheUnitTestValuesWithFC15AndFC16AndReadsThemBack() throws {
        let (server, connection) = try Self.connect()
        defer { server.terminate() }
        let bits = Self.unpack(Self.bitsTable, count: Self.bitsCount)
        #expect(try connection.perform(.writeCoils(address: Self.bitsAddress, values: bits), unit: Self.serverID) == .written)
        #expect(try connection.perform(.readBits(.coil, address: Self.bitsAddress, count: Self.bitsCount), unit: Self.serverID)
            == .bits(bits))
        #expect(try connection.perform(.writeRegisters(address: Self.registersAddress, values: Self.registersTable), unit: Self.serverID)
            == .written)
        #expect(try connection.perform(.readRegisters(.holdingRegister, address: Self.registersAddress, count: 3), unit: Self.serverID)
            == .registers(Self.registersTable))
    }

    @Test func writesSingleCoilsAndRegistersWithFC5AndFC6() throws {
        let (server, connection) = try Self.connect()
        defer { server.terminate() }
        #expect(try connection.perform(.writeCoil(address: Self.bitsAddress, value: true), unit: Self.serverID) == .written)
        #expect(try connection.perform(.writeCoil(address: Self.bitsAddress + 1, value: false), unit: Self.serverID) == .written)
        #expect(try connection.perform(.readBits(.coil, address: Self.bitsAddress, count: 2), unit: Self.serverID)
            == .bits([true, false]))
        #expect(try connection.perform(.writeRegister(address: Self.registersAddress + 1, value: 0x1234), unit: Self.serverID)
            == .written)
        #expect(try connection.perform(.readRegisters(.holdingRegister, address: Self.registersAddress, count: 3), unit: Self.serverID)
            == .registers([0, 0x1234, 0]))
    }

    @Test func exceptionsAreClassifiedAsTheDeviceSayingNoAndKeepTheLink() throws {
        let (server, connection) = try Self.connect()
        defer { server.terminate() }
        // One register past the map (0x160 + 0x20 registers).
        #expect(throws: ModbusError.deviceRefused(.illegalDataAddress)) {
            try connection.perform(
                .readRegisters(.holdingRegister, address: Self.registersAddress, count: Self.registersCountMax + 1),
                unit: Self.serverID)
        }
        #expect(throws: ModbusError.deviceRefused(.illegalDataAddress)) {
            try connection.perform(.readBits(.coil, address: Self.bitsAddress + Self.bitsCount, count: 1), unit: Self.serverID)
        }
        // The server answers reads at this address with "server busy".
        #expect(throws: ModbusError.deviceRefused(.deviceBusy)) {
            try connection.perform(.readRegisters(.holdingRegister, address: Self.addressSpecial, count: 1), unit: Self.serverID)
        }
        // Same connection (the server accepts only one): still in step.
        #expect(try connection.perform(.readRegisters(.inputRegister, address: Self.inputRegistersAddress, count: 1), unit: Self.serverID)
            == .registers(Self.inputRegistersTable))
    }

    @Test func aReplyWithAnotherTransactionIdIsLineNoise() throws {
        let (server, connection) = try Self.connect()
        defer { server.terminate() }
        #expect(throws: ModbusError.lineNoise(.badData)) {
            try connection.perform(.readRegisters(.holdingRegister, address: Self.addressInvalidTID, count: 1), unit: Self.serverID)
        }
        #expect(!connection.isConnected, "a TCP link out of step is reopened, not reused")
    }

    @Test func aReplyWithFewerRegistersThanAskedIsLineNoise() throws {
        let (server, connection) = try Self.connect()
        defer { server.terminate() }
        #expect(throws: ModbusError.lineNoise(.badData)) {
            try connection.perform(
                .readRegisters(.holdingRegister, address: Self.registersAddress, count: Self.countSpecial), unit: Self.serverID)
        }
        #expect(!connection.isConnected)
    }

    @Test func aReplyLaterThanTheTimeoutIsNoAnswer() throws {
        let (server, connection) = try Self.connect()
        defer { server.terminate() }
        let fast = ModbusTimeouts(responseMilliseconds: 100, byteMilliseconds: 50)
        #expect(throws: ModbusError.noAnswer(timeoutMilliseconds: 100)) {
            try connection.perform(
                .readRegisters(.holdingRegister, address: Self.addressSleep500ms, count: 1), unit: Self.serverID, timeouts: fast)
        }
        #expect(!connection.isConnected, "the late reply must not answer the next request")
    }
}
