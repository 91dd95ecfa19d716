import Foundation
import Modbus
import Testing

/// A pymodbus client (independent stack) against our TCP server and our RTU server on a pseudo-terminal.
///
/// The client runs a fixed script (peers/pymodbus_client.py) and prints what it read as JSON; the writes
/// are checked both in what it read back and in our server's data store.
@Suite("pymodbus client against our servers")
struct PymodbusClientAgainstOurServersTests {
    struct Seen: Decodable {
        let holding: [Int]
        let input: [Int]
        let coils: [Bool]
        let discrete: [Bool]
        let holding20: [Int]
        let holding30: [Int]
        let coil3: [Bool]
        let coils8: [Bool]
        let masked2: [Int]
        let readwrite40: [Int]
        let refused: Int?
    }

    static func runClient(_ arguments: [String]) throws -> Seen {
        let output = try PeerProcess.run(
            "pymodbus client", executable: try Peers.python(),
            arguments: [Peers.script("pymodbus_client.py").path] + arguments)
        guard let json = output.last(where: { $0.hasPrefix("{") }) else {
            throw PeerFailure("pymodbus client printed no result: \(output)")
        }
        return try JSONDecoder().decode(Seen.self, from: Data(json.utf8))
    }

    static func check(_ seen: Seen, store: ModbusDataStore) throws {
        #expect(seen.holding == (0..<10).map { Int(KnownValues.holding($0)) })
        #expect(seen.input == (0..<5).map { Int(KnownValues.input($0)) })
        #expect(seen.coils == (0..<8).map(KnownValues.coil))
        #expect(seen.discrete == (0..<8).map(KnownValues.discreteInput))
        #expect(seen.holding20 == [0xBEEF])
        #expect(seen.holding30 == [1, 2, 3])
        #expect(seen.coil3 == [true])
        #expect(seen.coils8 == [true, false, true])
        // FC22: (current AND and) OR (or AND NOT and).
        let current = Int(KnownValues.holding(2))
        #expect(seen.masked2 == [(current & 0x00F0) | (0x0005 & ~0x00F0)])
        // FC23 writes before it reads.
        #expect(seen.readwrite40 == [Int(KnownValues.holding(40)), 7, 8, Int(KnownValues.holding(43))])
        #expect(seen.refused == Int(ModbusException.illegalDataAddress.rawValue))
        #expect(try store.registers(.holdingRegister, address: 20, count: 1) == [0xBEEF])
        #expect(try store.registers(.holdingRegister, address: 30, count: 3) == [1, 2, 3])
        #expect(try store.bits(.coil, address: 8, count: 3) == [true, false, true])
    }

    @Test func readsAndWritesOverTCP() throws {
        let store = try KnownValues.store()
        let server = try ModbusTCPServer(host: "127.0.0.1", port: 0, behavior: StaticUnits([5: store]))
        defer { server.stop() }
        let seen = try Self.runClient(["tcp", "127.0.0.1", String(server.port), "5"])
        try Self.check(seen, store: store)
    }

    @Test func readsAndWritesOverRTUOnAPseudoTerminal() throws {
        let store = try KnownValues.store()
        let server = try ModbusRTUServer(behavior: StaticUnits([9: store]))
        defer { server.stop() }
        let seen = try Self.runClient(["rtu", server.terminal.path, "9"])
        try Self.check(seen, store: store)
    }
}
