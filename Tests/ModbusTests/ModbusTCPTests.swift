import Glibc
import Modbus
import Synchronization
import Testing

@Suite("Modbus/TCP client against the simulator server")
struct ModbusTCPTests {
    let device: FaultyDevice
    let server: ModbusTCPServer
    let connection: ModbusConnection
    let fast = ModbusTimeouts(responseMilliseconds: 150, byteMilliseconds: 50)

    init() throws {
        device = try FaultyDevice(units: [1, 7])
        server = try ModbusTCPServer(port: 0, behavior: device)
        connection = try ModbusConnection(
            endpoint: .tcp(host: "127.0.0.1", port: server.port),
            backoff: ReconnectBackoff(initialMilliseconds: 1, maximumMilliseconds: 4))
    }

    @Test func readsEveryTableFromTwoUnitsOverOneConnection() throws {
        let one = try connection.perform(.readRegisters(.holdingRegister, address: 10, count: 3), unit: 1)
        #expect(one == .registers([31, 34, 37]))
        let seven = try connection.perform(.readRegisters(.holdingRegister, address: 10, count: 3), unit: 7)
        #expect(seven == .registers([37, 40, 43]))
        #expect(try connection.perform(.readRegisters(.inputRegister, address: 2, count: 2), unit: 1) == .registers([1002, 1003]))
        #expect(try connection.perform(.readBits(.discreteInput, address: 0, count: 3), unit: 1) == .bits([true, false, true]))
        server.stop()
    }

    @Test func writesReachTheTablesAndTheBehaviour() throws {
        _ = try connection.perform(.writeRegister(address: 5, value: 0xBEEF), unit: 1)
        _ = try connection.perform(.writeCoils(address: 2, values: [true, true]), unit: 1)
        #expect(try device.units[1]!.registers(.holdingRegister, address: 5, count: 1) == [0xBEEF])
        #expect(try device.units[1]!.bits(.coil, address: 2, count: 3) == [true, true, false])
        // The behaviour hears of a write just after the reply went out: wait for it, briefly.
        let deadline = ContinuousClock.now.advanced(by: .seconds(2))
        while device.writes.withLock({ $0.count }) < 2, ContinuousClock.now < deadline { usleep(1000) }
        #expect(device.writes.withLock { $0.map(\.functionCode) } == [6, 15])
        server.stop()
    }

    @Test func anAddressOutsideTheMapIsTheDeviceSayingNo() throws {
        #expect(throws: ModbusError.deviceRefused(.illegalDataAddress)) {
            try connection.perform(.readRegisters(.holdingRegister, address: 200, count: 1), unit: 1)
        }
        #expect(throws: ModbusError.deviceRefused(.gatewayTargetNoResponse)) {
            try connection.perform(.readRegisters(.holdingRegister, address: 0, count: 1), unit: 9)
        }
        server.stop()
    }

    @Test(arguments: [
        (ServerFault.noAnswer, "no-answer"), (.exception(.deviceBusy), "device-said-no"),
        (.corruptFrame, "line-noise"), (.dropConnection, "link-lost"),
    ])
    func injectedFaultsAreClassifiedAndTheNextRequestSucceeds(fault: ServerFault, category: String) throws {
        device.nextFault.withLock { $0 = fault }
        do {
            _ = try connection.perform(.readRegisters(.holdingRegister, address: 0, count: 2), unit: 1, timeouts: fast)
            Issue.record("expected \(category)")
        } catch {
            #expect(error.category == category)
        }
        // Flushed or reconnected: the next reply is the answer to the next request, not a late one.
        var answer: ModbusResponse?
        for _ in 0..<50 where answer == nil {
            answer = try? connection.perform(.readRegisters(.holdingRegister, address: 4, count: 1), unit: 1, timeouts: fast)
        }
        #expect(answer == .registers([13]))
        server.stop()
    }

    @Test func aLateReplyIsNeverTakenForTheNextAnswer() throws {
        device.nextFault.withLock { $0 = .delay(milliseconds: 250) }
        #expect(throws: ModbusError.noAnswer(timeoutMilliseconds: 150)) {
            try connection.perform(.readRegisters(.holdingRegister, address: 0, count: 1), unit: 1, timeouts: fast)
        }
        let next = try connection.perform(
            .readRegisters(.holdingRegister, address: 20, count: 1), unit: 1,
            timeouts: ModbusTimeouts(responseMilliseconds: 500, byteMilliseconds: 50))
        #expect(next == .registers([61]))
        server.stop()
    }

    @Test func aRefusedConnectionBacksOffAndRecoversWhenTheServerReturns() throws {
        let port = server.port
        server.stop()
        let lost = try ModbusConnection(
            endpoint: .tcp(host: "127.0.0.1", port: port),
            backoff: ReconnectBackoff(initialMilliseconds: 1000, maximumMilliseconds: 8000))
        #expect(throws: ModbusError.connectFailed(errno: 111, detail: "127.0.0.1:\(port)")) {
            try lost.perform(.readRegisters(.holdingRegister, address: 0, count: 1), unit: 1)
        }
        do {
            _ = try lost.perform(.readRegisters(.holdingRegister, address: 0, count: 1), unit: 1)
            Issue.record("expected the backoff to hold the next attempt")
        } catch {
            guard case .notConnected(let retry) = error else { Issue.record("got \(error)"); return }
            #expect(retry > 0 && retry <= 1000)
        }
        #expect(lost.backoff.currentMilliseconds == 2000)
    }

    @Test func invalidRequestsAreRefusedBeforeAnythingIsSent() throws {
        #expect(throws: ModbusError.invalidRequest("count 126 is outside 1–125")) {
            try connection.perform(.readRegisters(.holdingRegister, address: 0, count: 126), unit: 1)
        }
        #expect(throws: ModbusError.invalidRequest("TCP unit id must be 0–247 or 255, got 250")) {
            try connection.perform(.readRegisters(.holdingRegister, address: 0, count: 1), unit: 250)
        }
        #expect(!connection.isConnected)
        server.stop()
    }
}
