import DeviceProfiles
import Foundation
import Glibc
import Modbus
import Simulator
import StationConfig

/// A small station for serving whole: a TCP door controller, a door relay and two readers on one RTU line,
/// a sensor and the fire-panel monitor on another. Its RTU links live under `${CUSTODYD_DEMO_DIR}/links`,
/// a folder that does not exist until the station is served.
func smallStation(tcpPort: Int) -> String {
    """
    version: 1
    station: {id: sim-test, time_zone: Asia/Shanghai, utc_offset: "+08:00"}
    simulation: true
    buses:
      - id: doors
        rtu: {port: "${CUSTODYD_DEMO_DIR}/links/tty-doors", line: 115200-8N1}
      - id: env
        rtu: {port: "${CUSTODYD_DEMO_DIR}/links/tty-env"}
      - id: entrance
        tcp: 127.0.0.1:\(tcpPort)
    devices:
      - {id: lock-entrance, profile: door-controller-tcp, bus: entrance, unit: 1}
      - {id: lock-holding, profile: waveshare-relay-8ch-door, bus: doors, unit: 4}
      - {id: reader-holding, profile: inveo-rfid-mif, bus: doors, unit: 5}
      - {id: reader-entrance, profile: inveo-rfid-mif, bus: doors, unit: 6}
      - {id: fire-monitor, profile: fire-panel-monitor, bus: env, unit: 6}
      - {id: climate-holding, profile: xy-md02, bus: env, unit: 1}
    zones:
      - {id: entrance, kind: entrance, readers: [reader-entrance]}
      - {id: holding-1, kind: holding, area_m2: 8, watch_post: duty, readers: [reader-holding], sensors: [climate-holding]}
      - {id: duty, kind: duty-post}
    doors:
      - {id: door-entrance, between: [outside, entrance], device: lock-entrance}
      - {id: door-holding, between: [entrance, holding-1], device: lock-holding}
    fire:
      alarm: {device: fire-monitor, point: fire_alarm}
    """
}

/// A fresh empty folder under the system temporary directory.
func temporaryFolder() throws -> String {
    let path = NSTemporaryDirectory() + "sim-station-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

func shippedProfiles() throws -> ProfileLibrary {
    try ProfileLibrary.load(directory: packageRoot + "/devices")
}

/// Loads station text written to `folder`, with `${CUSTODYD_DEMO_DIR}` meaning `folder`.
func loadStation(_ yaml: String, in folder: String) throws -> Station {
    let file = folder + "/station.yaml"
    try yaml.write(toFile: file, atomically: true, encoding: .utf8)
    return try Station.load(file: file, profiles: try shippedProfiles(), environment: ["CUSTODYD_DEMO_DIR": folder]).station
}

/// The station with every TCP bus moved to port 0, so the server picks a free port (the file's ports may be
/// taken by a demo or another test run on this machine).
func onFreePorts(_ station: Station) -> Station {
    var station = station
    station.buses = station.buses.map { bus in
        var bus = bus
        if case .tcp(let host, _) = bus.link { bus.link = .tcp(host: host, port: 0) }
        return bus
    }
    return station
}

/// A TCP port that was free a moment ago, for a station file a child process reads.
func freeTCPPort() throws -> Int {
    let probe = try ModbusTCPServer(port: 0, behavior: StaticUnits([:]))
    defer { probe.stop() }
    return probe.port
}

/// A control-socket client: one line out, one line back, with a read timeout so a broken server fails
/// the test instead of hanging it.
final class ControlClient {
    private let fd: Int32
    private var pending: [UInt8] = []

    init(path: String, timeoutSeconds: Int = 10) throws {
        fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (i, byte) in path.utf8.enumerated() { raw[i] = byte }
        }
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard connected == 0 else {
            close(fd)
            throw SimulatorError.invalid("cannot connect to \(path) (errno \(errno))")
        }
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit { close(fd) }

    func send(_ line: String) {
        let bytes = Array((line + "\n").utf8)
        _ = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    /// The next line, or nil on timeout or end of stream.
    func readLine() -> String? {
        var chunk = [UInt8](repeating: 0, count: 512)
        while true {
            if let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: pending[..<newline], as: UTF8.self)
                pending.removeSubrange(...newline)
                return line
            }
            let count = read(fd, &chunk, chunk.count)
            guard count > 0 else { return nil }
            pending += chunk[0..<count]
        }
    }

    func ask(_ line: String) -> String? {
        send(line)
        return readLine()
    }
}
