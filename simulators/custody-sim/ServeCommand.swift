import ArgumentParser
import DeviceProfiles
import Dispatch
import Foundation
import Modbus
import Simulator
import TerminationSignals

/// `custody-sim serve`: one simulated endpoint with one or more devices, or every bus of a station file.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve device profiles over Modbus/TCP or Modbus RTU on a pseudo-terminal, or a whole station.",
        discussion: """
            Prints one line when ready, then serves until interrupted:
              ready tcp 127.0.0.1:15020 units=1:xy-md02,2:xy-md02 control=/tmp/sim.sock
              ready rtu /dev/pts/7 link=/tmp/ttyDOOR units=4:waveshare-relay-8ch-door
            Examples:
              custody-sim serve --profile devices/xy-md02.yaml --tcp 127.0.0.1:1502 --unit 1 --unit 2
              custody-sim serve --device devices/waveshare-relay-8ch-door.yaml@4 \\
                  --device devices/inveo-rfid-mif.yaml@5 --rtu-pty --link /tmp/ttyDOOR --wire 9600-8N1
            The control socket takes one command per line (see simulators/README.md), e.g.
              echo 'tag 5 04A1B2C3' | socat - UNIX-CONNECT:/tmp/sim.sock

            With --station FILE, every bus of the station file is served where the file
            says (RTU buses as links at their port paths), one ready line per bus, then
              ready station demo-station buses=6 devices=31 control=/tmp/sim.sock
            The control socket then addresses devices by station id:
              tag reader-holding-1 0A1B2C01, fire on, door door-exit open,
              wait lock-exit release_relay true 2000, watch
            --wire without a value applies each RTU bus's own line. A station file
            with errors prints them as file:line:column and exits 78 (EX_CONFIG).
            """)

    @Option(help: "A device profile to serve (with --unit).") var profile: String?
    @Option(help: "Unit id(s) for --profile (default 1).") var unit: [Int] = []
    @Option(help: ArgumentHelp("A device as PROFILE@UNIT; repeat for a mixed bus.", valueName: "file@unit")) var device: [String] = []
    @Option(help: ArgumentHelp("Serve Modbus/TCP here (port 0 picks a free one).", valueName: "host:port")) var tcp: String?
    @Flag(name: .customLong("rtu-pty"), help: "Serve Modbus RTU on a new pseudo-terminal.") var rtuPTY = false
    @Option(help: "With --rtu-pty, also make this symlink to the terminal.") var link: String?
    @Option(help: "With --rtu-pty, delay each reply by its wire time on this line, e.g. 9600-8E1; with --station, give it alone for each RTU bus's own line.") var wire: String?
    @Option(help: "Control socket path, or - for standard input.") var control: String?
    @Option(help: "Seed for sensor drift (same seed, same values).") var seed: UInt64 = 1
    @Option(help: ArgumentHelp("Serve every bus and device of this station file.", valueName: "file")) var station: String?
    @Option(help: ArgumentHelp("With --station: the device profiles.", valueName: "dir")) var profiles = "devices"

    func validate() throws {
        if station != nil {
            try validateStation()
            return
        }
        if wire == Self.busWire { throw ValidationError("--wire needs a line such as 9600-8E1 (alone it applies only with --station)") }
        guard (tcp != nil) != rtuPTY else { throw ValidationError("give exactly one of --tcp HOST:PORT or --rtu-pty") }
        guard profile != nil || !device.isEmpty else { throw ValidationError("give --profile FILE or --device FILE@UNIT") }
        if wire != nil, !rtuPTY { throw ValidationError("--wire applies to --rtu-pty only") }
        if link != nil, !rtuPTY { throw ValidationError("--link applies to --rtu-pty only") }
    }

    func run() async throws {
        if let station {
            try await serveStation(file: station)
            return
        }
        var devices: [SimulatedDevice] = []
        if let profile {
            let loaded = try load(profile)
            for unit in unit.isEmpty ? [1] : unit { devices.append(try SimulatedDevice(profile: loaded, unit: unit, seed: seed)) }
        }
        for spec in device {
            guard let at = spec.lastIndex(of: "@"), let unit = Int(spec[spec.index(after: at)...]) else {
                throw ValidationError("--device expects FILE@UNIT, got '\(spec)'")
            }
            devices.append(try SimulatedDevice(profile: try load(String(spec[..<at])), unit: unit, seed: seed))
        }
        let bus = try SimulatedBus(devices: devices)
        let units = devices.sorted { $0.unit < $1.unit }.map { "\($0.unit):\($0.profile.id)" }.joined(separator: ",")
        var ready: String
        var stopServer: () -> Void
        if let tcp {
            guard case .tcp(let host, let port) = try ModbusEndpoint.parseTCP(tcp) else { return }
            let server = try ModbusTCPServer(host: host, port: port, behavior: bus)
            ready = "ready tcp \(host.contains(":") ? "[\(host)]" : host):\(server.port) units=\(units)"
            stopServer = server.stop
        } else {
            let line = try wire.map { try SerialLine(shorthand: $0) }
            let server = try ModbusRTUServer(behavior: bus, wire: line)
            ready = "ready rtu \(server.terminal.path)"
            if let link {
                try? FileManager.default.removeItem(atPath: link)
                try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: server.terminal.path)
                ready += " link=\(link)"
            }
            ready += " units=\(units)" + (line.map { " wire=\($0)" } ?? "")
            stopServer = server.stop
        }
        var controlServer: ControlServer?
        let termination = TerminationSignals.install()  // before the ready line: a stop right after it is kept
        if let control, control != "-" {
            controlServer = try ControlServer(path: control) { bus.control($0) }
            ready += " control=\(control)"
        }
        FileHandle.standardOutput.write(Data((ready + "\n").utf8))
        if control == "-" {
            Thread {
                while let line = readLine() {
                    FileHandle.standardOutput.write(Data((bus.control(line) + "\n").utf8))
                }
            }.start()
        }
        await termination.wait()
        controlServer?.stop()
        stopServer()
        bus.stop()
        if let link { try? FileManager.default.removeItem(atPath: link) }
    }

    private func load(_ path: String) throws -> DeviceProfile {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw ValidationError("cannot read profile \(path)")
        }
        do {
            return try DeviceProfile(yaml: text, file: path)
        } catch {
            throw ValidationError("profile \(path) has errors:\n\(error)")
        }
    }
}
