import DeviceProfiles
import Foundation
import StationConfig

/// Shared test inputs: the repository's profiles and files, and a small valid station to break one
/// way at a time.
enum StationFixtures {
    /// The package root, found from this file's path.
    static var root: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// The `custodyd` executable that `swift build --build-tests` leaves in the build folder.
    static var executable: String { root.appendingPathComponent(".build/debug/custodyd").path }

    static var devicesDirectory: String { root.appendingPathComponent("devices").path }

    /// The shipped device profiles.
    static func profiles() throws -> ProfileLibrary {
        try ProfileLibrary.load(directory: devicesDirectory)
    }

    /// A small valid station: one holding room, one interview room, three buses (door relays and the fire
    /// monitor on `doors`, readers and a sensor on `field`, within what a 9600 baud line can poll). Line numbers are
    /// what the error tests point at; change them only with those tests.
    static let station = """
        version: 1
        station:
          id: test-station
          time_zone: Asia/Shanghai
          utc_offset: "+08:00"
        simulation: true
        buses:
          - id: doors
            rtu: {port: /dev/serial/by-path/pci-0000:00:14.0-usb-0:2:1.0-port0, line: 9600-8N1}
          - id: field
            rtu:
              match: {vendor_id: "1a86", model_id: "7523"}
          - id: entrance
            tcp: 127.0.0.1:1502
        devices:
          - {id: lock-entrance, profile: door-controller-tcp, bus: entrance, unit: 1}
          - {id: lock-holding, profile: waveshare-relay-8ch-door, bus: doors, unit: 1}
          - {id: reader-entrance, profile: inveo-rfid-mif, bus: field, unit: 2}
          - {id: reader-holding, profile: inveo-rfid-mif, bus: field, unit: 3}
          - {id: reader-duty, profile: inveo-rfid-mif, bus: field, unit: 4}
          - {id: reader-interview, profile: inveo-rfid-mif, bus: field, unit: 5}
          - {id: fire-monitor, profile: fire-panel-monitor, bus: doors, unit: 6}
          - {id: climate-holding, profile: xy-md02, bus: field, unit: 1}
        zones:
          - {id: entrance, name: 入口, kind: entrance, readers: [reader-entrance]}
          - id: holding-1
            name: 候问室1
            kind: holding
            area_m2: 8
            watch_post: duty
            readers: [reader-holding]
            sensors: [climate-holding]
          - {id: interview-1, name: 讯问室1, kind: interview, readers: [reader-interview], recorder: rec-1}
          - {id: duty, name: 值班岗, kind: duty-post, readers: [reader-duty]}
        doors:
          - {id: door-entrance, between: [outside, entrance], device: lock-entrance}
          - {id: door-holding, between: [entrance, holding-1], device: lock-holding}
        recorders:
          - {id: rec-1, room: interview-1, source: api}
        fire:
          alarm: {device: fire-monitor, point: fire_alarm}
        officers:
          - {id: "1001", name: 王强, sex: male, tag: 0A1B2C01}
          - {id: "1002", name: 李娜, sex: female, tag: 0A1B2C02}
        rules:
          CLK-01: {limit_hours: 12}
          SUP-01: {grace_seconds: 30}
        api:
          unix_socket: /run/custodyd/api.sock
          tokens:
            - {name: dash, role: supervisor, sha256: 2d03eb454767ba244cf4c2c61fa06733ab69e4406ede3a873d6cef1b981192e0}
        """

    /// `station` with each pair's first text replaced by its second; fails loudly on a typo.
    static func station(_ replacements: [(String, String)]) -> String {
        replacements.reduce(station) { text, pair in
            precondition(text.contains(pair.0), "fixture has no '\(pair.0)'")
            return text.replacingOccurrences(of: pair.0, with: pair.1)
        }
    }

    /// A fresh empty directory under the system temporary directory.
    static func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "station-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Writes `files` (name → text) into a fresh directory and checks `station.yaml` there. The
    /// diagnostics come back with the directory stripped, so they read `station.yaml:12:5: …`.
    static func check(
        _ yaml: String, files: [String: String] = [:], profiles library: ProfileLibrary? = nil
    ) throws -> (check: StationCheck, lines: [String]) {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        for (name, text) in files.merging(["station.yaml": yaml], uniquingKeysWith: { $1 }) {
            try text.write(toFile: directory + "/" + name, atomically: true, encoding: .utf8)
        }
        let result = Station.check(file: directory + "/station.yaml", profiles: try library ?? profiles())
        let lines = result.diagnostics.map { $0.description.replacingOccurrences(of: directory + "/", with: "") }
        return (result, lines)
    }

    /// Only the error lines of checking `yaml`.
    static func errors(_ yaml: String, files: [String: String] = [:]) throws -> [String] {
        let (result, lines) = try check(yaml, files: files)
        return zip(result.diagnostics, lines).filter { $0.0.severity == .error }.map(\.1)
    }
}
