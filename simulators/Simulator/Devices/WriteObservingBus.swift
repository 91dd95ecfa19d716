public import Modbus

/// A simulated bus that tells an observer of every write it serves — standard or vendor-specific —
/// with the instant the request arrived, before the devices act on it. Tests and benchmarks use it to
/// await a door command and to time its arrival.
public struct WriteObservingBus: ModbusServerBehavior {
    public let bus: SimulatedBus
    private let onWrite: @Sendable (ServedRequest, ContinuousClock.Instant) -> Void

    public init(_ bus: SimulatedBus, onWrite: @escaping @Sendable (ServedRequest, ContinuousClock.Instant) -> Void) {
        self.bus = bus
        self.onWrite = onWrite
    }

    public var servedUnits: [Int] { bus.servedUnits }
    public func store(forUnit unit: Int) -> ModbusDataStore? { bus.store(forUnit: unit) }
    public func fault(for request: ServedRequest) -> ServerFault? { bus.fault(for: request) }

    public func didWrite(_ request: ServedRequest) {
        let at = ContinuousClock.now
        bus.didWrite(request)
        onWrite(request, at)
    }

    public func vendorReply(for request: ServedRequest, pdu: [UInt8]) -> [UInt8]? {
        let at = ContinuousClock.now
        let reply = bus.vendorReply(for: request, pdu: pdu)
        if reply != nil { onWrite(request, at) }
        return reply
    }
}
