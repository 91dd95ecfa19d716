import DeviceProfiles
import FieldBus
import Foundation
import Modbus
import Simulator
import Testing

@Suite("Several buses: each on its own thread")
struct MultiBusTests {
    @Test func aDeadBusNeitherSlowsAnotherNorHoldsUpItsFireRelease() async throws {
        let door = try exampleProfile("waveshare-relay-8ch-door")
        let simulated = try SimulatedBus(devices: [try SimulatedDevice(profile: door, unit: 4)])
        defer { simulated.stop() }
        let counter = CountingBus(simulated)
        let server = try ModbusRTUServer(behavior: counter)
        defer { server.stop() }
        let log = EventLog()
        let supervisor = try FieldBusSupervisor(
            buses: [
                BusSpec(id: "rs485-a", endpoint: .rtu(.path(server.terminal.path), try SerialLine(shorthand: "9600-8N1"))),
                BusSpec(id: "tcp-dead", endpoint: .tcp(host: "127.0.0.1", port: 1)),  // nothing listens there
            ],
            devices: [
                DeviceSpec(id: "door-4", busID: "rs485-a", unit: 4, profile: door),
                DeviceSpec(id: "door-9", busID: "tcp-dead", unit: 1, profile: try exampleProfile("door-controller-tcp")),
            ],
            onEvent: log.handler)
        supervisor.start()
        defer { supervisor.stop() }
        #expect(await eventually { log.isOnline("door-4") && log.isOffline("door-9") })
        guard case .offline(let cause, _)? = log.health("door-9").last else { return }
        #expect(cause == .connectFailed(errno: ECONNREFUSED, detail: "127.0.0.1:1"), "the reason, not the reconnect wait")
        let dead = try #require(supervisor.status().first { $0.device == "door-9" })
        #expect(dead.errors["link-lost"] ?? 0 >= 3)
        #expect(dead.lastError?.hasPrefix("door-9 (bus tcp-dead, unit 1): cannot connect to 127.0.0.1:1") == true)

        let start = ContinuousClock.now
        // A measuring window of eight poll cycles: the door's reads come in pairs every 250 ms, so a 1 s
        // window that starts between the two reads of a pair counts 7 with no slowdown at all.
        try await Task.sleep(for: .seconds(2))
        let rate = counter.rate(unit: 4, since: start).perSecond
        #expect(rate >= 7, "the healthy bus keeps its 8 reads/s, got \(rate)")

        let outcomes = await supervisor.unlockAllDoors()
        #expect(outcomes["door-4"]?.succeeded == true)
        guard case .failed(let error)? = outcomes["door-9"] else {
            Issue.record("the dead bus's door should fail, got \(String(describing: outcomes["door-9"]))")
            return
        }
        #expect(error.category == "link-lost")
    }
}
