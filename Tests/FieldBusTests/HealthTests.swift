import DeviceProfiles
import FieldBus
import Foundation
import Modbus
import Simulator
import Synchronization
import Testing

@Suite("Device health: offline after misses, back on the first reply, no harm to neighbours")
struct HealthTests {
    /// Door modules with a shorter offline interval (and timeout), so a test sees several probes quickly.
    func door(_ transport: Rig.Transport = .rtu) throws -> DeviceProfile {
        var profile = try exampleProfile(transport == .rtu ? "waveshare-relay-8ch-door" : "door-controller-tcp")
        profile.poll.offlineIntervalMs = 1500
        profile.timing.timeoutMs = 300
        return profile
    }

    @Test(arguments: [Rig.Transport.rtu, .tcp])
    func aDeadDeviceGoesOfflineCostsOneProbePerIntervalAndComesBack(transport: Rig.Transport) throws {
        let profile = try door(transport)
        let rig = try Rig(transport, [.init(id: "door-4", profile: profile, unit: 4), .init(id: "door-6", profile: profile, unit: 6)])
        rig.start()
        #expect(eventually { rig.log.isOnline("door-4") && rig.log.isOnline("door-6") })
        Thread.sleep(forTimeInterval: 0.3)  // let the start-up reads of the slow batches pass

        func pollsPerSecond(unit: Int, over seconds: Double) -> (rate: Double, start: ContinuousClock.Instant) {
            let start = ContinuousClock.now
            Thread.sleep(forTimeInterval: seconds)
            return (Double(rig.counter.requests(unit: unit, since: start).count) / seconds, start)
        }
        let healthyAlone = pollsPerSecond(unit: 4, over: 1.5).rate

        #expect(rig.control("fault 6 no-answer") == "ok")
        #expect(eventually { rig.log.isOffline("door-6") })
        guard case .offline(let error, let misses)? = rig.log.health("door-6").last else { return }
        #expect(misses == profile.poll.offlineAfterMisses)
        #expect(error.category == "no-answer")
        #expect(rig.log.health("door-6").count == 2, "one online, one offline: no event per failed poll")

        let window = 3.0
        let (healthyBesideDead, windowStart) = pollsPerSecond(unit: 4, over: window)
        let probes = rig.counter.requests(unit: 6, since: windowStart).count
        #expect(probes <= Int((window * 1000 / Double(profile.poll.offlineIntervalMs)).rounded(.up)) + 1)
        // The dead neighbour may take its own time slot (one timeout per probe), nothing more.
        // On TCP a timeout also reopens the shared connection (a late reply would desync it), with the
        // profile's delay after connect.
        let slot = profile.timing.timeoutMs + (transport == .tcp ? profile.timing.delayAfterConnectMs : 0)
        let deadShare = Double(probes * slot) / (window * 1000)
        #expect(
            healthyBesideDead >= healthyAlone * (1 - deadShare) * 0.9,
            "healthy \(healthyAlone)/s alone, \(healthyBesideDead)/s beside a dead device probed \(probes) times")

        #expect(rig.control("fault 6 none") == "ok")
        #expect(eventually(within: profile.poll.offlineIntervalMs + 1500) { rig.log.isOnline("door-6") })
        let status = try #require(rig.supervisor.status().first { $0.device == "door-6" })
        #expect(status.health == .online)
        #expect(status.misses == 0)
        #expect((status.errors["no-answer"] ?? 0) >= profile.poll.offlineAfterMisses)
        #expect(status.lastError != nil)
        let healthy = try #require(rig.supervisor.status().first { $0.device == "door-4" })
        #expect(healthy.errors.isEmpty)
        #expect(healthy.p50LatencyMs != nil && healthy.p99LatencyMs != nil)
        print("\(transport): polls/s of a healthy door: alone \(healthyAlone), beside a dead one \(healthyBesideDead); probes of the dead one in \(window) s: \(probes); latency p50 \(healthy.p50LatencyMs!) ms p99 \(healthy.p99LatencyMs!) ms")
    }

    @Test func aRefusedReadKeepsTheDeviceOnlineAndIsNotRepeatedAtOnce() throws {
        let profile = try door()
        let rig = try Rig(.rtu, [.init(id: "door-4", profile: profile, unit: 4)])
        #expect(rig.control("fault 4 exception 2") == "ok")
        rig.start()
        let batches = ReadPlanner.schedule(profile).flatMap(\.batches).count
        #expect(eventually { rig.log.isOnline("door-4") && rig.counter.requests(unit: 4).count >= batches })
        let polls = rig.counter.requests(unit: 4).count
        #expect(polls == batches)
        Thread.sleep(forTimeInterval: 0.6)
        #expect(rig.counter.requests(unit: 4).count == polls, "every batch was refused and put off to the offline interval")
        let status = try #require(rig.supervisor.status().first)
        #expect(status.health == .online)
        #expect(status.errors["device-said-no"] == polls)
        #expect(status.lastError?.contains("illegal data address") == true)
    }

    @Test func theBusKeepsItsPauseBetweenTransactions() throws {
        let rig = try Rig(.rtu, [.init(id: "door-4", profile: try door(), unit: 4)], interRequestMs: 60)
        rig.start()
        #expect(eventually { rig.counter.requests(unit: 4).count >= 8 })
        let times = rig.counter.requests(unit: 4).map(\.at)
        let gaps = zip(times, times.dropFirst()).map { milliseconds($0.duration(to: $1)) }
        #expect(gaps.allSatisfy { $0 >= 60 }, "gaps \(gaps)")
    }

    @Test func aSecondOwnerOfTheSerialPortIsRefused() throws {
        let profile = try door()
        let rig = try Rig(.rtu, [.init(id: "door-4", profile: profile, unit: 4)])
        rig.start()
        #expect(eventually { rig.log.isOnline("door-4") })
        let path = try #require(rig.rtuPath)
        let intruderLog = EventLog()
        let intruder = try FieldBusSupervisor(
            buses: [BusSpec(id: "again", endpoint: .rtu(.path(path), try SerialLine(shorthand: "9600-8N1")))],
            devices: [DeviceSpec(id: "door-4-again", busID: "again", unit: 4, profile: profile)],
            onEvent: intruderLog.handler)
        intruder.start()
        defer { intruder.stop() }
        #expect(eventually { intruderLog.isOffline("door-4-again") })
        let status = try #require(intruder.status().first)
        #expect(status.lastError?.contains("in use by another process") == true || status.lastError?.contains("link down") == true)
        #expect(intruderLog.samples("door-4-again", "door_closed").isEmpty)
    }

    @Test func anAdapterPluggedBackUnderANewNodeIsFoundAgainByItsPort() throws {
        let profile = try door()
        let byPath = "/dev/serial/by-path/pci-0000:00:14.0-usb-0:2:1.0-port0"
        let simulated = try SimulatedBus(devices: [try SimulatedDevice(profile: profile, unit: 4)])
        defer { simulated.stop() }
        var first: ModbusRTUServer? = try ModbusRTUServer(behavior: simulated)
        let present = Mutex<[SerialPort]>([SerialPort(devnode: first!.terminal.path, byPath: byPath)])
        let log = EventLog()
        let supervisor = try FieldBusSupervisor(
            buses: [BusSpec(id: "rs485-a", endpoint: .rtu(PortSelector(byPath: byPath), try SerialLine(shorthand: "9600-8N1")))],
            devices: [DeviceSpec(id: "door-4", busID: "rs485-a", unit: 4, profile: profile)],
            ports: { present.withLock { $0 } }, onEvent: log.handler)
        supervisor.start()
        defer { supervisor.stop() }
        #expect(eventually { log.isOnline("door-4") })

        // Unplug: the terminal disappears and the adapter is gone from udev.
        present.withLock { $0 = [] }
        first?.stop()
        first = nil
        #expect(eventually(within: 5000) { log.isOffline("door-4") })

        // Plug back in: a new node behind the same physical port.
        let second = try ModbusRTUServer(behavior: simulated)
        defer { second.stop() }
        present.withLock { $0 = [SerialPort(devnode: second.terminal.path, byPath: byPath)] }
        #expect(eventually(within: profile.poll.offlineIntervalMs * 3) { log.isOnline("door-4") })
    }
}
