import DeviceProfiles
import Foundation
public import Modbus
import Synchronization

/// The devices behind one simulated endpoint (a TCP port or an RTU line), by unit id, animated by a
/// ticker thread and steered through ``control(_:)``.
public final class SimulatedBus: ModbusServerBehavior {
    public let devices: [Int: SimulatedDevice]
    private let running = Atomic<Bool>(true)
    private let onActivity: @Sendable (BusActivity) -> Void

    /// Creates the devices and starts animating them every `tickMilliseconds`.
    ///
    /// - Parameter onActivity: Called on the server's and the ticker's threads with every write the master
    ///   makes and after every tick; it must return quickly.
    public init(
        devices: [SimulatedDevice], tickMilliseconds: Int = 20,
        onActivity: @escaping @Sendable (BusActivity) -> Void = { _ in }
    ) throws(SimulatorError) {
        var byUnit: [Int: SimulatedDevice] = [:]
        for device in devices {
            guard byUnit[device.unit] == nil else { throw .invalid("unit \(device.unit) is given twice") }
            byUnit[device.unit] = device
        }
        self.devices = byUnit
        self.onActivity = onActivity
        let thread = Thread { [self] in
            while running.load(ordering: .relaxed) {
                let now = ContinuousClock.now
                for device in self.devices.values { device.tick(now: now) }
                onActivity(.tick)
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
    public func didWrite(_ request: ServedRequest) {
        guard let device = devices[request.unit] else { return }
        let action = device.handleWrite(request)
        onActivity(.write(unit: request.unit, action: action, request: request))
    }

    public func vendorReply(for request: ServedRequest, pdu: [UInt8]) -> [UInt8]? {
        guard let device = devices[request.unit], let (reply, command) = device.vendorReply(for: request, pdu: pdu) else {
            return nil
        }
        onActivity(.write(unit: request.unit, action: command, request: request))
        return reply
    }
}
