import Modbus
import Synchronization
import Testing

@Suite("The queued client: one thread per endpoint, commands first")
struct ModbusClientTests {
    @Test func servesConcurrentCallersOverOneConnection() async throws {
        let device = try FaultyDevice(units: [1, 2])
        let server = try ModbusTCPServer(port: 0, behavior: device)
        defer { server.stop() }
        let client = try ModbusClient(endpoint: .tcp(host: "127.0.0.1", port: server.port))
        defer { client.shutdown() }
        try await withThrowingTaskGroup(of: ModbusResponse.self) { group in
            for i in 0..<40 {
                group.addTask { try await client.perform(.readRegisters(.inputRegister, address: i, count: 1), unit: 1 + i % 2) }
            }
            var seen = Set<UInt16>()
            for try await response in group { seen.insert(response.registers![0]) }
            #expect(seen == Set((0..<40).map { UInt16(1000 + $0) }))
        }
    }

    @Test func aCommandJumpsAheadOfQueuedPolls() async throws {
        let device = try FaultyDevice(units: [1])
        device.faultEveryRequest.withLock { $0 = true }
        device.nextFault.withLock { $0 = .delay(milliseconds: 20) }
        let server = try ModbusTCPServer(port: 0, behavior: device)
        defer { server.stop() }
        let client = try ModbusClient(endpoint: .tcp(host: "127.0.0.1", port: server.port))
        defer { client.shutdown() }
        let order = OrderLog()
        await withTaskGroup(of: Void.self) { group in
            for i in 0..<6 {
                group.addTask {
                    _ = try? await client.perform(.readRegisters(.holdingRegister, address: i, count: 1), unit: 1)
                    order.append("poll")
                }
            }
            try? await Task.sleep(for: .milliseconds(30))  // let the polls queue up behind the one in flight
            group.addTask {
                _ = try? await client.perform(.writeCoil(address: 0, value: true), unit: 1)
                order.append("command")
            }
        }
        let log = order.entries
        let commandAt = try #require(log.firstIndex(of: "command"))
        #expect(commandAt <= 2, "command finished at position \(commandAt) of \(log)")
    }

    @Test func shutdownFailsQueuedRequestsAsClosed() async throws {
        let client = try ModbusClient(endpoint: .tcp(host: "127.0.0.1", port: 9))
        client.shutdown()
        await #expect(throws: ModbusError.closed) {
            try await client.perform(.readRegisters(.holdingRegister, address: 0, count: 1), unit: 1)
        }
    }
}

final class OrderLog: Sendable {
    private let log = Mutex<[String]>([])
    func append(_ entry: String) { log.withLock { $0.append(entry) } }
    var entries: [String] { log.withLock { $0 } }
}
