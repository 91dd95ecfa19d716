import Foundation
import Modbus
import Testing

/// mbpoll, the technicians' command-line master, against our TCP server and our RTU server's pty.
@Suite("mbpoll against our servers")
struct MbpollAgainstOurServersTests {
    enum Transport: String, CaseIterable, CustomTestStringConvertible {
        case tcp, rtu
        var testDescription: String { rawValue }
    }

    static let unit = 3

    /// A server of `transport` holding the known values, and the mbpoll arguments that reach it.
    final class Target {
        let store: ModbusDataStore
        private let stop: () -> Void
        private let connection: [String]
        private let address: String

        init(_ transport: Transport) throws {
            store = try KnownValues.store()
            let behavior = StaticUnits([MbpollAgainstOurServersTests.unit: store])
            switch transport {
            case .tcp:
                let server = try ModbusTCPServer(host: "127.0.0.1", port: 0, behavior: behavior)
                stop = server.stop
                connection = ["-m", "tcp", "-p", String(server.port)]
                address = "127.0.0.1"
            case .rtu:
                let server = try ModbusRTUServer(behavior: behavior)
                stop = server.stop
                connection = ["-m", "rtu", "-b", "9600", "-d", "8", "-P", "none", "-s", "1"]
                address = server.terminal.path
            }
        }

        deinit { stop() }

        /// Runs mbpoll once with PDU addressing and returns the `[ref]: value` pairs it printed.
        func mbpoll(type: String, reference: Int, count: Int, unit: Int = unit, timeout: String = "2") throws -> [Int: Int] {
            try run(["-t", type, "-r", String(reference), "-c", String(count), address], unit: unit, timeout: timeout)
        }

        /// Writes `values` from `reference` on (mbpoll takes the count from the values).
        func mbpoll(type: String, reference: Int, write values: [Int]) throws {
            _ = try run(["-t", type, "-r", String(reference), address] + values.map(String.init))
        }

        private func run(_ request: [String], unit: Int = unit, timeout: String = "2") throws -> [Int: Int] {
            let arguments = connection + ["-a", String(unit), "-0", "-1", "-o", timeout] + request
            let output = try PeerProcess.run("mbpoll", executable: try Peers.tool("mbpoll", package: "mbpoll"), arguments: arguments)
            return Self.parse(output)
        }

        /// Lines such as `[12]: \t4108`.
        static func parse(_ lines: [String]) -> [Int: Int] {
            var values: [Int: Int] = [:]
            for line in lines where line.hasPrefix("[") {
                let parts = line.dropFirst().split(separator: "]", maxSplits: 1)
                guard parts.count == 2, let reference = Int(parts[0]) else { continue }
                let value = parts[1].drop { $0 == ":" || $0 == " " || $0 == "\t" }
                if let number = Int(value) { values[reference] = number }
            }
            return values
        }
    }

    static func expected<T>(_ range: Range<Int>, _ value: (Int) -> T, as number: (T) -> Int) -> [Int: Int] {
        Dictionary(uniqueKeysWithValues: range.map { ($0, number(value($0))) })
    }

    @Test(arguments: Transport.allCases)
    func readsAllFourTables(transport: Transport) throws {
        let target = try Target(transport)
        #expect(try target.mbpoll(type: "4", reference: 10, count: 6) == Self.expected(10..<16, KnownValues.holding) { Int($0) })
        #expect(try target.mbpoll(type: "3", reference: 0, count: 4) == Self.expected(0..<4, KnownValues.input) { Int($0) })
        #expect(try target.mbpoll(type: "0", reference: 0, count: 10) == Self.expected(0..<10, KnownValues.coil) { $0 ? 1 : 0 })
        #expect(try target.mbpoll(type: "1", reference: 3, count: 7)
            == Self.expected(3..<10, KnownValues.discreteInput) { $0 ? 1 : 0 })
    }

    @Test(arguments: Transport.allCases)
    func writesRegistersAndCoils(transport: Transport) throws {
        let target = try Target(transport)
        try target.mbpoll(type: "4", reference: 50, write: [4321])
        try target.mbpoll(type: "4", reference: 60, write: [7, 8, 9])
        try target.mbpoll(type: "0", reference: 1, write: [1])
        try target.mbpoll(type: "0", reference: 12, write: [1, 1, 0, 1])
        #expect(try target.store.registers(.holdingRegister, address: 50, count: 1) == [4321])
        #expect(try target.store.registers(.holdingRegister, address: 60, count: 3) == [7, 8, 9])
        #expect(try target.store.bits(.coil, address: 1, count: 1) == [true])
        #expect(try target.store.bits(.coil, address: 12, count: 4) == [true, true, false, true])
        #expect(try target.mbpoll(type: "4", reference: 59, count: 5)
            == [59: Int(KnownValues.holding(59)), 60: 7, 61: 8, 62: 9, 63: Int(KnownValues.holding(63))])
    }

    @Test(arguments: Transport.allCases)
    func anAddressPastTheStoreIsReportedAsIllegalDataAddress(transport: Transport) throws {
        let target = try Target(transport)
        let error = #expect(throws: PeerFailure.self) {
            try target.mbpoll(type: "4", reference: KnownValues.registerCount - 2, count: 4)
        }
        #expect(error?.description.contains("Illegal data address") == true, "\(error?.description ?? "")")
    }

    /// A unit id our server does not have: a TCP gateway answers exception 0B, an RTU line stays silent.
    @Test(arguments: Transport.allCases)
    func aUnitNobodyHasIsTargetFailedOnTCPAndSilenceOnRTU(transport: Transport) throws {
        let target = try Target(transport)
        let error = #expect(throws: PeerFailure.self) {
            try target.mbpoll(type: "4", reference: 0, count: 1, unit: Self.unit + 1, timeout: "0.2")
        }
        let expected = transport == .tcp ? "Target device failed to respond" : "Connection timed out"
        #expect(error?.description.contains(expected) == true, "\(error?.description ?? "")")
        #expect(try target.mbpoll(type: "4", reference: 0, count: 1) == [0: Int(KnownValues.holding(0))])
    }
}
