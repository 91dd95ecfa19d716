import Modbus
import Synchronization

/// A device whose fault can be switched while it serves, for the client's error-path tests.
final class FaultyDevice: ModbusServerBehavior {
    let units: [Int: ModbusDataStore]
    let nextFault = Mutex<ServerFault?>(nil)
    let faultEveryRequest = Mutex<Bool>(false)
    let writes = Mutex<[ServedRequest]>([])

    init(units: [Int]) throws {
        var stores: [Int: ModbusDataStore] = [:]
        for unit in units {
            let store = try ModbusDataStore(ranges: [
                .coil: 0...15, .discreteInput: 0...15, .holdingRegister: 0...99, .inputRegister: 0...99,
            ])
            try store.setRegisters(.holdingRegister, address: 0, values: (0..<100).map { UInt16($0) &* 3 &+ UInt16(unit) })
            try store.setRegisters(.inputRegister, address: 0, values: (0..<100).map { UInt16($0) &+ 1000 })
            try store.setBits(.discreteInput, address: 0, values: (0..<16).map { $0 % 2 == 0 })
            stores[unit] = store
        }
        self.units = stores
    }

    func store(forUnit unit: Int) -> ModbusDataStore? { units[unit] }

    func fault(for request: ServedRequest) -> ServerFault? {
        faultEveryRequest.withLock { $0 } ? nextFault.withLock { $0 } : nextFault.withLock { f in defer { f = nil }; return f }
    }

    func didWrite(_ request: ServedRequest) { writes.withLock { $0.append(request) } }
}
