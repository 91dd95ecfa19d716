import Modbus
import Synchronization
import Testing

/// A device that notes each PDU its vendor hook is shown, and where and in how much room that array's
/// bytes live, without keeping the array.
final class PDUWitness: ModbusServerBehavior {
    let store: ModbusDataStore
    let seen = Mutex<[[UInt8]]>([])
    let storage = Mutex<Set<UInt>>([])
    let smallestCapacity = Mutex<Int>(.max)

    init() throws {
        store = try ModbusDataStore(ranges: [.holdingRegister: 0...9, .coil: 0...9])
    }

    func store(forUnit unit: Int) -> ModbusDataStore? { unit == 1 ? store : nil }

    func vendorReply(for request: ServedRequest, pdu: [UInt8]) -> [UInt8]? {
        let address = pdu.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
        storage.withLock { _ = $0.insert(address) }
        smallestCapacity.withLock { $0 = min($0, pdu.capacity) }
        seen.withLock { $0.append(pdu.map { $0 }) }  // a copy: Array(pdu) would share, and so keep, the storage
        return request.functionCode == 5 && pdu[3] == 0x55 ? pdu.map { $0 } : nil  // a vendor's toggle value, echoed
    }
}

@Suite("The vendor-reply hook")
struct VendorReplyTests {
    static let requests: [ModbusRequest] = [
        .readRegisters(.holdingRegister, address: 0, count: 2), .writeRegister(address: 3, value: 0x1234),
        .readRegisters(.holdingRegister, address: 1, count: 1), .raw(pdu: [5, 0x00, 0x02, 0x55, 0x00]),
    ]

    static let expectedPDUs: [[UInt8]] = [
        [3, 0, 0, 0, 2], [6, 0, 3, 0x12, 0x34], [3, 0, 1, 0, 1], [5, 0, 2, 0x55, 0],
    ]

    /// One buffer with room for any PDU, refilled in place: a fresh array per request would show a small
    /// capacity (malloc may well hand back the same address each time, so the address alone proves little).
    @Test(arguments: ["rtu", "tcp"])
    func seesEachRequestsPDUInOneReusedBuffer(transport: String) throws {
        let device = try PDUWitness()
        let endpoint: ModbusEndpoint
        let stop: () -> Void
        if transport == "rtu" {
            let server = try ModbusRTUServer(behavior: device)
            endpoint = .rtu(path: server.terminal.path, line: try SerialLine())
            stop = server.stop
        } else {
            let server = try ModbusTCPServer(port: 0, behavior: device)
            endpoint = .tcp(host: "127.0.0.1", port: server.port)
            stop = server.stop
        }
        defer { stop() }
        let connection = try ModbusConnection(endpoint: endpoint)
        for _ in 0..<5 {
            for request in Self.requests { _ = try connection.perform(request, unit: 1) }
        }
        #expect(device.seen.withLock { $0 } == Array([[[UInt8]]](repeating: Self.expectedPDUs, count: 5).joined()))
        #expect(device.storage.withLock { $0.count } == 1)
        #expect(device.smallestCapacity.withLock { $0 } >= 253)
        #expect(try device.store.registers(.holdingRegister, address: 3, count: 1) == [0x1234])
    }
}
