import DeviceProfiles
import Foundation
public import Modbus
import Synchronization

/// The devices behind one simulated endpoint (a TCP port or an RTU line), by unit id, animated by a
/// ticker thread and steered through ``control(_:)``.
public final class SimulatedBus: ModbusServerBehavior {
    public let devices: [Int: SimulatedDevice]
    private let running = Atomic<Bool>(true)

    /// Creates the devices and starts animating them every `tickMilliseconds`.
    public init(devices: [SimulatedDevice], tickMilliseconds: Int = 20) throws(SimulatorError) {
        var byUnit: [Int: SimulatedDevice] = [:]
        for device in devices {
            guard byUnit[device.unit] == nil else { throw .invalid("unit \(device.unit) is given twice") }
            byUnit[device.unit] = device
        }
        self.devices = byUnit
        let thread = Thread { [self] in
            while running.load(ordering: .relaxed) {
                let now = ContinuousClock.now
                for device in self.devices.values { device.tick(now: now) }
                Thread.sleep(forTimeInterval: Double(tickMilliseconds) / 1000)
            }
        }
        thread.name = "sim-ticker"
        thread.start()
    }

    /// Stops the ticker.
    public func stop() { running.store(false, ordering: .relaxed) }

    public func store(forUnit unit: Int) -> ModbusDataStore? { devices[unit]?.store }
    public func fault(for request: ServedRequest) -> ServerFault? { devices[request.unit]?.nextFault() }
    public func didWrite(_ request: ServedRequest) { devices[request.unit]?.handleWrite(request) }
    public func vendorReply(for request: ServedRequest, pdu: [UInt8]) -> [UInt8]? {
        devices[request.unit]?.vendorReply(for: request, pdu: pdu)
    }
}
