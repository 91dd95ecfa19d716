import Foundation
@testable import DeviceProfiles

/// Shared test inputs: the repository's `devices/` directory and a small valid profile to mutate.
enum Fixtures {
    /// `devices/` at the package root, found from this file's path.
    static var devicesDirectory: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("devices").path
    }

    /// A valid environment profile; tests replace lines to break it one way at a time.
    static let sensor = """
        profile: test-sensor
        version: 1
        vendor: test
        model: T1
        kind: environment
        transport: [rtu]
        serial_defaults: {baud: 9600, parity: N, data_bits: 8, stop_bits: 1}
        timing:
          timeout_ms: 500
          max_registers_per_read: 125
          allow_gaps: 2
        poll:
          interval_ms: 1000
        points:
          - name: temperature
            table: input_register
            address: 1
            type: int16
            scale: 0.1
          - name: energy
            table: holding_register
            address: 10
            type: uint32
            word_order: CDAB
        """

    /// A valid door profile.
    static let door = """
        profile: test-door
        version: 1
        kind: door
        transport: [tcp]
        points:
          - {name: bond, table: discrete_input, address: 0, type: bool}
          - {name: relay, table: coil, address: 0, type: bool, access: rw}
        commands:
          - name: unlock
            table: coil
            address: 0x0200
            write: {fc: 5, value: 50, raw: true}
            pulse: {duration_ms: 5000, output: relay}
            verify: {point: bond, expect: false, within_ms: 1000}
        """

    /// The diagnostics of loading `yaml`, or an empty list if it loads.
    static func diagnostics(_ yaml: String, file: String = "test.yaml") -> [ProfileDiagnostic] {
        do {
            _ = try DeviceProfile(yaml: yaml, file: file)
            return []
        } catch {
            return error.diagnostics
        }
    }

    /// A fresh empty directory under the system temporary directory.
    static func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "profiles-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
