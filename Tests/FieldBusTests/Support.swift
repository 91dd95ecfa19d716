import DeviceProfiles
import FieldBus
import Foundation
import Modbus
import Simulator
import Synchronization

/// The package root, for the example profiles in devices/.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

func exampleProfile(_ id: String) throws -> DeviceProfile {
    let path = packageRoot + "/devices/\(id).yaml"
    return try DeviceProfile(yaml: String(contentsOfFile: path, encoding: .utf8), file: path)
}

/// Polls `condition` until it holds or `milliseconds` pass: tests wait for a state, not for a fixed time.
func eventually(within milliseconds: Int = 3000, _ condition: () throws -> Bool) rethrows -> Bool {
    let deadline = ContinuousClock.now.advanced(by: .milliseconds(milliseconds))
    while ContinuousClock.now < deadline {
        if try condition() { return true }
        Thread.sleep(forTimeInterval: 0.01)
    }
    return try condition()
}

func milliseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
}

/// Every event a supervisor reported, in order.
final class EventLog: Sendable {
    private let events = Mutex<[FieldEvent]>([])

    var handler: @Sendable (FieldEvent) -> Void {
        { [self] event in record(event) }
    }

    func record(_ event: FieldEvent) { events.withLock { $0.append(event) } }

    var all: [FieldEvent] { events.withLock { $0 } }

    func samples(_ device: String, _ point: String) -> [PointReading] {
        all.compactMap { event in
            guard event.device == device, case .sample(point, let reading) = event.kind else { return nil }
            return reading
        }
    }

    func occurrences(_ device: String, _ name: String) -> [(count: Int, captures: [String: PointReading])] {
        all.compactMap { event in
            guard event.device == device, case .occurred(name, let count, let captures) = event.kind else { return nil }
            return (count, captures)
        }
    }

    func health(_ device: String) -> [FieldEvent.Kind] {
        all.filter { $0.device == device }.map(\.kind).filter { kind in
            switch kind {
            case .online, .offline: true
            default: false
            }
        }
    }

    func isOnline(_ device: String) -> Bool { health(device).last == .online }

    func isOffline(_ device: String) -> Bool {
        if case .offline? = health(device).last { true } else { false }
    }
}

/// A simulated bus that also records every request that reaches a known unit, and when.
final class CountingBus: ModbusServerBehavior {
    struct Seen: Sendable {
        let request: ServedRequest
        let at: ContinuousClock.Instant
    }

    let inner: SimulatedBus
    private let seen = Mutex<[Seen]>([])

    init(_ inner: SimulatedBus) { self.inner = inner }

    func store(forUnit unit: Int) -> ModbusDataStore? { inner.store(forUnit: unit) }
    func fault(for request: ServedRequest) -> ServerFault? {
        seen.withLock { $0.append(Seen(request: request, at: .now)) }
        return inner.fault(for: request)
    }
    func didWrite(_ request: ServedRequest) { inner.didWrite(request) }
    func vendorReply(for request: ServedRequest, pdu: [UInt8]) -> [UInt8]? { inner.vendorReply(for: request, pdu: pdu) }

    var requests: [Seen] { seen.withLock { $0 } }

    func requests(unit: Int, since: ContinuousClock.Instant = .now.advanced(by: .seconds(-3600))) -> [Seen] {
        requests.filter { $0.request.unit == unit && $0.at >= since }
    }

    func writes(unit: Int) -> [Seen] { requests(unit: unit).filter(\.request.isWrite) }
}

/// One simulated endpoint (TCP port or RTU pty) with its devices, and a supervisor polling it as bus `bus`.
final class Rig {
    enum Transport { case tcp, rtu }

    struct Device {
        var id: String
        var profile: DeviceProfile
        var unit: Int
        var deadbands: [String: Double] = [:]
        var pollIntervalOverrideMs: Int?
    }

    let simulated: SimulatedBus
    let counter: CountingBus
    let log = EventLog()
    let supervisor: FieldBusSupervisor
    let busSpec: BusSpec
    private let tcp: ModbusTCPServer?
    private let rtu: ModbusRTUServer?

    init(_ transport: Transport, _ devices: [Device], commandDeadlineMs: Int = 2000, interRequestMs: Int? = nil) throws {
        simulated = try SimulatedBus(devices: devices.map { try SimulatedDevice(profile: $0.profile, unit: $0.unit, seed: 7) })
        counter = CountingBus(simulated)
        switch transport {
        case .tcp:
            let server = try ModbusTCPServer(port: 0, behavior: counter)
            tcp = server
            rtu = nil
            busSpec = BusSpec(id: "bus", endpoint: .tcp(host: "127.0.0.1", port: server.port), interRequestMs: interRequestMs)
        case .rtu:
            let server = try ModbusRTUServer(behavior: counter)
            rtu = server
            tcp = nil
            busSpec = BusSpec(
                id: "bus", endpoint: .rtu(.path(server.terminal.path), try SerialLine(shorthand: "9600-8N1")),
                interRequestMs: interRequestMs)
        }
        supervisor = try FieldBusSupervisor(
            buses: [busSpec],
            devices: devices.map {
                DeviceSpec(
                    id: $0.id, busID: "bus", unit: $0.unit, profile: $0.profile, deadbands: $0.deadbands,
                    pollIntervalOverrideMs: $0.pollIntervalOverrideMs)
            },
            commandDeadlineMs: commandDeadlineMs, onEvent: log.handler)
    }

    var rtuPath: String? { rtu?.terminal.path }

    func control(_ line: String) -> String { simulated.control(line) }

    func start() { supervisor.start() }

    deinit {
        supervisor.stop()
        tcp?.stop()
        rtu?.stop()
        simulated.stop()
    }
}
