import DeviceProfiles
import Foundation
import Modbus
import Simulator
import StationConfig
import Testing

@Suite("A whole station served from its station file")
struct StationServerTests {
    /// The small station served in-process, its control socket open, removed again by `stop()`.
    final class Served {
        let folder: String
        let server: StationServer
        let control: ControlServer
        var controlPath: String { folder + "/sim.sock" }

        init(_ yaml: String = smallStation(tcpPort: 1502)) throws {
            let folder = try temporaryFolder()
            do {
                server = try StationServer(station: onFreePorts(try loadStation(yaml, in: folder)), profiles: try shippedProfiles())
            } catch {
                try? FileManager.default.removeItem(atPath: folder)
                throw error
            }
            let simulation = server.simulation
            control = try ControlServer(path: folder + "/sim.sock") { simulation.control($0, connection: $1) }
            self.folder = folder
        }

        func stop() {
            control.stop()
            server.stop()
            try? FileManager.default.removeItem(atPath: folder)
        }

        func endpoint(_ bus: String) throws -> StationServer.Endpoint {
            try #require(server.endpoints.first { $0.bus == bus })
        }

        func rtu(_ bus: String) throws -> ModbusConnection {
            let link = try #require(try endpoint(bus).link)
            return try ModbusConnection(endpoint: .rtu(path: link, line: try SerialLine(shorthand: "115200-8N1")))
        }

        func tcp(_ bus: String) throws -> ModbusConnection {
            guard case .tcp(let host, let port) = try ModbusEndpoint.parseTCP(try endpoint(bus).address) else {
                throw SimulatorError.invalid("not a TCP endpoint")
            }
            return try ModbusConnection(endpoint: .tcp(host: host, port: port))
        }
    }

    @Test func everyBusIsServedWhereTheStationFileSaysAndTheLinksGoAwayOnStop() throws {
        let served = try Served()
        let links = try ["doors", "env"].map { try #require(try served.endpoint($0).link) }
        #expect(links == [served.folder + "/links/tty-doors", served.folder + "/links/tty-env"])
        for link in links {
            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link).hasPrefix("/dev/pts/"))
        }
        #expect(try served.endpoint("doors").readyLine.hasSuffix("bus=doors devices=4:lock-holding,5:reader-holding,6:reader-entrance"))
        #expect(served.server.readyLine(control: served.controlPath) == "ready station sim-test buses=3 devices=6 control=\(served.controlPath)")

        // Real Modbus at the station's unit ids: the door relay's inputs (closed, bonded), the entrance
        // controller's door position over TCP, the fire monitor's alarm input on the other line.
        #expect(try served.rtu("doors").perform(.readBits(.discreteInput, address: 0, count: 2), unit: 4) == .bits([true, true]))
        #expect(try served.tcp("entrance").perform(.readBits(.discreteInput, address: 0, count: 1), unit: 1) == .bits([true]))
        #expect(try served.rtu("env").perform(.readBits(.discreteInput, address: 0, count: 1), unit: 6) == .bits([false]))

        served.stop()
        for link in links { #expect(!FileManager.default.fileExists(atPath: link) && (try? FileManager.default.destinationOfSymbolicLink(atPath: link)) == nil) }
    }

    @Test func aTagReadThroughTheControlSocketLatchesInTheReadersRegisters() throws {
        let served = try Served()
        defer { served.stop() }
        let client = try ControlClient(path: served.controlPath)
        #expect(client.ask("tag reader-holding 0A1B2C01") == "ok queued=0")

        let connection = try served.rtu("doors")
        #expect(try connection.perform(.readBits(.coil, address: 1016, count: 1), unit: 5) == .bits([true]))
        let registers = try #require(try connection.perform(.readRegisters(.holdingRegister, address: 1002, count: 10), unit: 5).registers)
        let tagID = try #require(try exampleProfile("inveo-rfid-mif").point(named: "tag_id"))
        #expect(tagID.reading(registers: registers).value == .string("0A1B2C01"))
        #expect(try connection.perform(.readBits(.coil, address: 1016, count: 1), unit: 6) == .bits([false]), "only that reader")
        #expect(client.ask("get reader-holding tag_id") == "ok \"0A1B2C01\"")
    }

    @Test func waitRepliesOnceTheMastersUnlockArrivesAndWatchTimestampsIt() throws {
        let served = try Served()
        defer { served.stop() }
        let watcher = try ControlClient(path: served.controlPath)
        #expect(watcher.ask("watch lock-holding") == "ok watching")
        let waiter = try ControlClient(path: served.controlPath)
        waiter.send("wait lock-holding bond_sensor false 5000")

        // The vendor's flash command, as the daemon sends it: the relay pulses, the bond sensor follows.
        let connection = try served.rtu("doors")
        #expect(try connection.perform(.raw(pdu: [5, 0x02, 0x00, 0x00, 50]), unit: 4) == .raw([5, 0x02, 0x00, 0x00, 50]))

        let waited = try #require(waiter.readLine())
        #expect(waited.hasPrefix("ok bond_sensor=false after="), "\(waited)")
        let watched = try #require(watcher.readLine())
        #expect(watched.hasPrefix("write lock-holding unlock t="), "\(watched)")
        let stamp = try #require(Double(watched.split(separator: "=").last ?? ""))
        #expect(abs(stamp - Date().timeIntervalSince1970 * 1000) < 10_000, "t= is wall-clock milliseconds")
        #expect(served.server.simulation.control("wait lock-holding release_relay true 0").hasPrefix("ok release_relay=true"))
    }

    @Test func waitTimesOutWithThePointsValue() throws {
        let served = try Served()
        defer { served.stop() }
        #expect(served.server.simulation.control("wait lock-holding door_closed false 30")
            == "error timeout after 30 ms: lock-holding door_closed is true, not false")
        #expect(served.server.simulation.control("wait lock-holding nothing true").hasPrefix("error waveshare-relay-8ch-door has no point 'nothing'"))
    }

    @Test func fireAndDoorCommandsGoToTheDevicesTheStationFileNames() throws {
        let served = try Served()
        defer { served.stop() }
        let simulation = served.server.simulation
        #expect(simulation.control("fire on") == "ok")
        #expect(try served.rtu("env").perform(.readBits(.discreteInput, address: 0, count: 1), unit: 6) == .bits([true]))
        #expect(simulation.control("door door-holding open") == "ok")
        #expect(try served.rtu("doors").perform(.readBits(.discreteInput, address: 0, count: 1), unit: 4) == .bits([false]))
        #expect(simulation.control("door door-entrance force") == "ok")
        #expect(try served.tcp("entrance").perform(.readBits(.discreteInput, address: 0, count: 1), unit: 1) == .bits([false]))
        #expect(simulation.control("set climate-holding temperature 31.5") == "ok")
        #expect(simulation.control("get climate-holding temperature") == "ok 31.5")
        #expect(simulation.control("door door-nowhere open").hasPrefix("error no door 'door-nowhere'"))
        #expect(simulation.control("tag reader-nowhere 01").hasPrefix("error no device 'reader-nowhere' in station sim-test"))
    }

    @Test func listNamesEveryDeviceWithItsBusUnitProfileAndFault() throws {
        let served = try Served()
        defer { served.stop() }
        let simulation = served.server.simulation
        #expect(simulation.control("fault climate-holding no-answer") == "ok")
        #expect(simulation.control("list") == """
            ok lock-entrance@entrance:1:door-controller-tcp lock-holding@doors:4:waveshare-relay-8ch-door \
            reader-holding@doors:5:inveo-rfid-mif reader-entrance@doors:6:inveo-rfid-mif \
            fire-monitor@env:6:fire-panel-monitor climate-holding@env:1:xy-md02[no-answer]
            """)
    }

    @Test func aBusNamingItsAdapterByUdevMatchIsRefused() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let yaml = smallStation(tcpPort: 1502).replacingOccurrences(
            of: "rtu: {port: \"${CUSTODYD_DEMO_DIR}/links/tty-env\"}", with: "rtu: {match: {vendor_id: \"1a86\"}}")
        let station = try loadStation(yaml, in: folder)
        let error = #expect(throws: SimulatorError.self) { try StationServer(station: station, profiles: try shippedProfiles()) }
        #expect(error?.description.hasPrefix("bus env names its adapter by a udev match (usb vendor 1a86)") == true)
    }

    @Test func theDemoStationServesAllItsDevices() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let station = try Station.load(
            file: packageRoot + "/simulators/demo-station.yaml", profiles: try shippedProfiles(),
            environment: ["CUSTODYD_DEMO_DIR": folder]
        ).station
        let server = try StationServer(station: onFreePorts(station), profiles: try shippedProfiles())
        defer { server.stop() }
        #expect(server.endpoints.map(\.bus) == station.buses.map(\.id))
        #expect(server.readyLine(control: nil) == "ready station demo-station buses=6 devices=31")
        #expect(server.simulation.control("fire on") == "ok")
        let env = try #require(server.endpoints.first { $0.bus == "rs485-env" }?.link)
        let connection = try ModbusConnection(endpoint: .rtu(path: env, line: try SerialLine(shorthand: "9600-8N1")))
        #expect(try connection.perform(.readBits(.discreteInput, address: 0, count: 1), unit: 40) == .bits([true]))
    }
}
