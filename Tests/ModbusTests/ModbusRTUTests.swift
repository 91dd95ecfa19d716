import Modbus
import Synchronization
import Testing

@Suite("Modbus RTU over a pseudo-terminal")
struct ModbusRTUTests {
    @Test func servesSeveralUnitsOnOneLineAndLocksThePort() throws {
        let device = try FaultyDevice(units: [1, 2])
        let server = try ModbusRTUServer(behavior: device)
        defer { server.stop() }
        let line = try SerialLine(shorthand: "9600-8N1")
        let connection = try ModbusConnection(endpoint: .rtu(path: server.terminal.path, line: line))
        #expect(try connection.perform(.readRegisters(.holdingRegister, address: 1, count: 2), unit: 1) == .registers([4, 7]))
        #expect(try connection.perform(.readRegisters(.holdingRegister, address: 1, count: 2), unit: 2) == .registers([5, 8]))
        _ = try connection.perform(.writeRegister(address: 0, value: 42), unit: 2)
        #expect(try device.units[2]!.registers(.holdingRegister, address: 0, count: 1) == [42])

        let second = try ModbusConnection(endpoint: .rtu(path: server.terminal.path, line: line))
        #expect(throws: ModbusError.portBusy(path: server.terminal.path)) {
            try second.perform(.readRegisters(.holdingRegister, address: 0, count: 1), unit: 1)
        }
    }

    @Test func aCorruptFrameIsLineNoiseAndTheLineRecovers() throws {
        let device = try FaultyDevice(units: [3])
        let server = try ModbusRTUServer(behavior: device)
        defer { server.stop() }
        let connection = try ModbusConnection(endpoint: .rtu(path: server.terminal.path, line: try SerialLine()))
        let fast = ModbusTimeouts(responseMilliseconds: 200, byteMilliseconds: 20)
        device.nextFault.withLock { $0 = .corruptFrame }
        #expect(throws: ModbusError.lineNoise(.badCRC)) {
            try connection.perform(.readRegisters(.holdingRegister, address: 0, count: 4), unit: 3, timeouts: fast)
        }
        #expect(throws: ModbusError.noAnswer(timeoutMilliseconds: 200)) {
            try connection.perform(.readRegisters(.holdingRegister, address: 0, count: 1), unit: 4, timeouts: fast)
        }
        #expect(try connection.perform(.readRegisters(.holdingRegister, address: 2, count: 1), unit: 3, timeouts: fast) == .registers([9]))
    }

    @Test func aBroadcastCoilWriteReachesEveryUnitOnTheLineAndIsNeverAnswered() throws {
        let device = try FaultyDevice(units: [1, 2])
        let server = try ModbusRTUServer(behavior: device)
        defer { server.stop() }
        let connection = try ModbusConnection(endpoint: .rtu(path: server.terminal.path, line: try SerialLine()))
        #expect(try connection.perform(.writeCoil(address: 3, value: true), unit: 0) == .written)
        // An answer to the broadcast would be taken for the answer to this read and fail it (wrong unit).
        #expect(try connection.perform(.readBits(.coil, address: 3, count: 1), unit: 1) == .bits([true]))
        #expect(try connection.perform(.readBits(.coil, address: 3, count: 1), unit: 2) == .bits([true]))
        #expect(device.writes.withLock { $0.map(\.unit).sorted() } == [1, 2])
    }

    @Test func aBroadcastReadIsIgnored() throws {
        let device = try FaultyDevice(units: [1])
        let server = try ModbusRTUServer(behavior: device)
        defer { server.stop() }
        let connection = try ModbusConnection(endpoint: .rtu(path: server.terminal.path, line: try SerialLine()))
        #expect(try connection.perform(.raw(pdu: [3, 0x00, 0x00, 0x00, 0x01]), unit: 0) == .written)
        #expect(try connection.perform(.readRegisters(.holdingRegister, address: 0, count: 1), unit: 1) == .registers([1]))
        #expect(device.writes.withLock { $0.isEmpty })
    }

    @Test func theClientRefusesToBroadcastARead() throws {
        let connection = try ModbusConnection(endpoint: .rtu(path: "/dev/null", line: try SerialLine()))
        let refusal = ModbusError.invalidRequest("unit 0 is a broadcast, which no device answers: only a write can be sent to it")
        #expect(throws: refusal) {
            try connection.perform(.readBits(.coil, address: 0, count: 1), unit: 0)
        }
    }

    @Test func wireTimeDelaysEachReplyByTheLinesSpeed() throws {
        let device = try FaultyDevice(units: [1])
        let line = try SerialLine(shorthand: "9600-8E1")
        let server = try ModbusRTUServer(behavior: device, wire: line)
        defer { server.stop() }
        let connection = try ModbusConnection(endpoint: .rtu(path: server.terminal.path, line: line))
        let clock = ContinuousClock()
        let elapsed = try clock.measure {
            for _ in 0..<5 { _ = try connection.perform(.readRegisters(.holdingRegister, address: 0, count: 10), unit: 1) }
        }
        // 5 cycles of (8 + 25) characters at 1.146 ms plus two 4.01 ms silences: at least 229 ms.
        #expect(elapsed >= .milliseconds(225))
    }

    @Test(arguments: ["9600-8E1", "19200-8N2", "115200-8O1"])
    func serialShorthandRoundTrips(text: String) throws {
        #expect(try SerialLine(shorthand: text).description == text)
    }

    @Test func anUnsupportedBaudIsRefusedRatherThanSilentlyBecoming9600() {
        #expect(throws: ModbusError.self) { try SerialLine(baud: 9601) }
    }

    @Test func crcMatchesTheSpecificationExample() {
        // Read 1 holding register at 0 from unit 1: 01 03 00 00 00 01, CRC 0x0A84 sent as 84 0A.
        #expect(RTUFrame.crc16([0x01, 0x03, 0x00, 0x00, 0x00, 0x01]) == 0x0A84)
        #expect(RTUFrame.hasValidCRC([0x01, 0x03, 0x00, 0x00, 0x00, 0x01, 0x84, 0x0A][...]))
    }
}
