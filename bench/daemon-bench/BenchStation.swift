import DeviceProfiles
import FieldBus
import Foundation
import Logging
import Modbus
import Simulator
import StationConfig
import StationService

/// A simulated station run in this process with the real daemon: two RS-485 lines on pseudo-terminals
/// (five door relays each; line A also carries the corridor's door reader and the fire-panel monitor),
/// the entrance door controller on Modbus/TCP, every simulated reply delayed by its wire time.
final class BenchStation {
    /// Unit ids on each RS-485 line.
    enum Unit {
        static let locks = 1...5
        static let reader = 11
        static let fire = 40
    }

    static let officerTag = "0A1B2C01"
    /// The RTU lock devices, as (bus, unit, device id); the TCP lock is `lock-entrance`.
    static let rtuLocks: [(bus: String, unit: Int, device: String)] =
        Unit.locks.map { ("rs485-a", $0, "lock-\($0)") } + Unit.locks.map { ("rs485-b", $0, "lock-\($0 + 5)") }

    let directory: URL
    let lineA: SimulatedBus
    let lineB: SimulatedBus
    let entrance: SimulatedBus
    let recorder = WriteRecorder()
    let timeline = Timeline()
    let line: SerialLine
    let daemon: StationDaemon
    private let servers: (a: ModbusRTUServer, b: ModbusRTUServer, tcp: ModbusTCPServer)

    init(profiles: ProfileLibrary, line: SerialLine) throws {
        self.line = line
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("daemon-bench-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        func device(_ profile: String, _ unit: Int) throws -> SimulatedDevice {
            guard let found = profiles.profile(id: profile) else { throw BenchError("no profile \(profile)") }
            return try SimulatedDevice(profile: found, unit: unit)
        }
        lineA = try SimulatedBus(
            devices: try Unit.locks.map { try device("waveshare-relay-8ch-door", $0) }
                + [try device("inveo-rfid-mif", Unit.reader), try device("fire-panel-monitor", Unit.fire)])
        lineB = try SimulatedBus(devices: try Unit.locks.map { try device("waveshare-relay-8ch-door", $0) })
        entrance = try SimulatedBus(devices: [try device("door-controller-tcp", 1)])
        let a = try ModbusRTUServer(behavior: WriteObservingBus(lineA, name: "rs485-a", recorder: recorder), wire: line)
        let b = try ModbusRTUServer(behavior: WriteObservingBus(lineB, name: "rs485-b", recorder: recorder), wire: line)
        let tcp = try ModbusTCPServer(behavior: WriteObservingBus(entrance, name: "entrance-tcp", recorder: recorder))
        servers = (a, b, tcp)
        for (name, server) in [("tty-a", a), ("tty-b", b)] {
            try FileManager.default.createSymbolicLink(
                atPath: directory.appendingPathComponent(name).path, withDestinationPath: server.terminal.path)
        }
        let file = directory.appendingPathComponent("station.yaml").path
        try Self.yaml(directory: directory.path, line: "\(line)", tcpPort: tcp.port).write(toFile: file, atomically: true, encoding: .utf8)
        // The reader's power-on flag is already acknowledged, so its first event is a tag read.
        _ = lineA.control("set \(Unit.reader) reset_flag false")
        let (station, _) = try Station.load(file: file, profiles: profiles)
        var logger = Logger(label: "daemon-bench")
        logger.logLevel = .error
        let timeline = self.timeline
        daemon = try StationDaemon(
            .init(
                station: station, profiles: profiles,
                fieldEventTap: { timeline.fieldEvent($0) },
                doorCommandTap: { timeline.doorCommand(command: $0.command, door: $0.door, at: $0.at) }),
            logger: logger)
    }

    /// Starts the daemon and waits until every device has answered.
    func start() async throws {
        try await daemon.start()
        let deadline = ContinuousClock.now + .seconds(20)
        while ContinuousClock.now < deadline {
            if daemon.buses.status().allSatisfy({ $0.health == .online }) { return }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw BenchError("devices not online: \(daemon.buses.status().filter { $0.health != .online }.map(\.device))")
    }

    func stop() async {
        await daemon.stop()
        servers.a.stop()
        servers.b.stop()
        servers.tcp.stop()
        for bus in [lineA, lineB, entrance] { bus.stop() }
        try? FileManager.default.removeItem(at: directory)
    }

    /// Runs a simulator control command and requires `ok`.
    func control(_ command: String, on bus: SimulatedBus) throws {
        let reply = bus.control(command)
        guard reply.hasPrefix("ok") else { throw BenchError("simulator: \(command): \(reply)") }
    }

    /// A point's engineering value in a simulated device.
    func value(_ point: String, unit: Int, on bus: SimulatedBus) -> ModbusValue? {
        (try? bus.devices[unit]?.value(of: point))?.value
    }

    static func yaml(directory: String, line: String, tcpPort: Int) -> String {
        let cells = Array(1...10)
        let devices = rtuLocks.map { "  - {id: \($0.device), profile: waveshare-relay-8ch-door, bus: \($0.bus), unit: \($0.unit)}" }
        let zones = cells.map {
            "  - {id: holding-\($0), kind: holding, capacity: 1, area_m2: 8, watch_post: duty}"
        }
        let doors = cells.map { cell in
            "  - {id: door-holding-\(cell), between: [corridor, holding-\(cell)], device: lock-\(cell)"
                + (cell == 1 ? ", readers: [reader-corridor]}" : "}")
        }
        return """
            version: 1
            station: {id: bench-station, name: Bench, time_zone: Asia/Shanghai, utc_offset: "+08:00"}
            simulation: true
            journal: {path: "\(directory)/journal.db"}
            buses:
              - {id: rs485-a, rtu: {port: "\(directory)/tty-a", line: \(line)}}
              - {id: rs485-b, rtu: {port: "\(directory)/tty-b", line: \(line)}}
              - {id: entrance-tcp, tcp: "127.0.0.1:\(tcpPort)"}
            devices:
              - {id: lock-entrance, profile: door-controller-tcp, bus: entrance-tcp, unit: 1}
            \(devices.joined(separator: "\n"))
              - {id: reader-corridor, profile: inveo-rfid-mif, bus: rs485-a, unit: \(Unit.reader)}
              - {id: fire-monitor, profile: fire-panel-monitor, bus: rs485-a, unit: \(Unit.fire), zone: duty}
            zones:
              - {id: entrance, kind: entrance}
              - {id: corridor, kind: corridor, readers: [reader-corridor]}
              - {id: duty, kind: duty-post}
              - {id: exit, kind: exit}
            \(zones.joined(separator: "\n"))
            doors:
              - {id: door-entrance, between: [outside, entrance], device: lock-entrance}
            \(doors.joined(separator: "\n"))
            fire:
              alarm: {device: fire-monitor, point: fire_alarm}
              release_confirmed: {device: fire-monitor, point: door_release_confirmed}
            officers:
              - {id: o1, name: Wang, sex: male, tag: \(officerTag)}
            api:
              unix_socket: "\(directory)/api.sock"
            """
    }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
