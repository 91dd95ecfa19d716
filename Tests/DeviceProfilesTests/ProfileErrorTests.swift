import Foundation
import Testing
@testable import DeviceProfiles

/// Each error class of DEVICES.md §5 is rejected with `file:line:column: field: message`.
struct ProfileErrorTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let testDescription: String
        let yaml: String
        /// The expected diagnostic line, in full.
        let expected: String
    }

    static func sensor(_ replacements: [(String, String)]) -> String {
        replacements.reduce(Fixtures.sensor) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
    }

    static func door(_ replacements: [(String, String)]) -> String {
        replacements.reduce(Fixtures.door) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
    }

    static let cases: [Case] = [
        // 1. Unknown or missing keys.
        Case(
            testDescription: "1 unknown key",
            yaml: sensor([("    scale: 0.1", "    scael: 0.1")]),
            expected: "test.yaml:19:5: points.temperature.scael: unknown key 'scael' (profile schema version 1 allows: "
                + "name, type, table, address, ref, length, count, word_order, scale, offset, unit, access, valid, "
                + "unavailable, interval_ms, bits, alias, description)"),
        Case(
            testDescription: "1 missing profile",
            yaml: sensor([("profile: test-sensor\n", "")]),
            expected: "test.yaml:1:1: profile: missing required key 'profile' (profile schema version 1)"),
        Case(
            testDescription: "1 missing point type",
            yaml: sensor([("    type: int16\n", "")]),
            expected: "test.yaml:15:5: points.temperature.type: missing required key 'type' (profile schema version 1)"),
        Case(
            testDescription: "1 unsupported schema version",
            yaml: sensor([("version: 1", "version: 2")]),
            expected: "test.yaml:2:10: version: expected schema version 1, got 2"),
        // 2. Duplicate names.
        Case(
            testDescription: "2 duplicate point name",
            yaml: sensor([("name: energy", "name: temperature")]),
            expected: "test.yaml:20:5: points.temperature: duplicate name 'temperature' (first at line 15)"),
        // 3. Address range, size, overlap.
        Case(
            testDescription: "3 address out of range",
            yaml: sensor([("address: 10", "address: 70000")]),
            expected: "test.yaml:22:14: points.energy.address: expected an address in 0…65535, got 70000"),
        Case(
            testDescription: "3 value runs past the last address",
            yaml: sensor([("address: 10", "address: 0xFFFF")]),
            expected: "test.yaml:22:14: points.energy.address: 2 items from 65535 run past 65535 (last would be 65536)"),
        Case(
            testDescription: "3 count does not match type",
            yaml: sensor([("    word_order: CDAB", "    word_order: CDAB\n    count: 1")]),
            expected: "test.yaml:25:12: points.energy.count: uint32 occupies 2 item(s), but count is 1"),
        Case(
            testDescription: "3 overlapping points without alias",
            yaml: sensor([("address: 10", "address: 0"), ("table: holding_register", "table: input_register")]),
            expected: "test.yaml:15:5: points.temperature.address: input_register 1 overlaps point 'energy' (0…1); "
                + "mark one 'alias: true' if meant"),
        // 4. Type and table.
        Case(
            testDescription: "4 coil that is not bool",
            yaml: sensor([("table: input_register", "table: coil"), ("    scale: 0.1\n", "")]),
            expected: "test.yaml:18:11: points.temperature.type: a coil holds one bit: type must be bool, got int16"),
        Case(
            testDescription: "4 32-bit without word order",
            yaml: sensor([("    word_order: CDAB", "")]),
            expected: "test.yaml:23:11: points.energy.word_order: uint32 needs 'word_order' (one of ABCD, BADC, CDAB, DCBA)"),
        Case(
            testDescription: "4 bits on a non-bitfield",
            yaml: sensor([("    scale: 0.1", "    bits: {0: low}")]),
            expected: "test.yaml:19:11: points.temperature.bits: bits applies only to type bitfield16, not int16"),
        Case(
            testDescription: "4 string without length",
            yaml: sensor([("type: uint32\n    word_order: CDAB", "type: string")]),
            expected: "test.yaml:23:11: points.energy.length: type string needs 'length' (in registers, 2 bytes each)"),
        // 5. Access.
        Case(
            testDescription: "5 rw on an input register",
            yaml: sensor([("    scale: 0.1", "    scale: 0.1\n    access: rw")]),
            expected: "test.yaml:20:13: points.temperature.access: a input_register is read-only: access must be r, got rw"),
        Case(
            testDescription: "5 command on a read-only table",
            yaml: door([("    table: coil\n    address: 0x0200", "    table: discrete_input\n    address: 0x0200")]),
            expected: "test.yaml:10:12: commands.unlock.table: a command must write a coil or holding_register; "
                + "discrete_input is read-only"),
        Case(
            testDescription: "5 FC5 vendor value without raw",
            yaml: door([("value: 50, raw: true", "value: 50")]),
            expected: "test.yaml:12:27: commands.unlock.write.value: FC5 writes 0xFF00 (on) or 0x0000 (off); "
                + "a vendor value needs 'raw: true'"),
        Case(
            testDescription: "5 FC6 on a coil",
            yaml: door([("fc: 5", "fc: 6")]),
            expected: "test.yaml:12:17: commands.unlock.write.fc: expected function code 5 or 15 for a coil, got 6"),
        Case(
            testDescription: "5 unknown command role",
            yaml: door([("within_ms: 1000}", "within_ms: 1000}\n    requires_role: admin")]),
            expected: "test.yaml:15:20: commands.unlock.requires_role: expected one of operator, technician, got 'admin'"),
        // 6. Limits.
        Case(
            testDescription: "6 too many registers per read",
            yaml: sensor([("max_registers_per_read: 125", "max_registers_per_read: 200")]),
            expected: "test.yaml:10:27: timing.max_registers_per_read: expected registers per read (Modbus allows 125) "
                + "in 1…125, got 200"),
        Case(
            testDescription: "6 interval under the bus minimum",
            yaml: sensor([("    scale: 0.1", "    scale: 0.1\n    interval_ms: 50")]),
            expected: "test.yaml:20:18: points.temperature.interval_ms: expected a poll interval in ms "
                + "(the bus minimum is 100) in 100…86400000, got 50"),
        Case(
            testDescription: "6 timeout out of range",
            yaml: sensor([("timeout_ms: 500", "timeout_ms: 0")]),
            expected: "test.yaml:9:15: timing.timeout_ms: expected a response timeout in ms in 1…10000, got 0"),
        Case(
            testDescription: "6 zero scale",
            yaml: sensor([("scale: 0.1", "scale: 0")]),
            expected: "test.yaml:19:12: points.temperature.scale: scale must not be 0"),
        // 7. Dangling references.
        Case(
            testDescription: "7 verify names no point",
            yaml: door([("point: bond,", "point: bnod,")]),
            expected: "test.yaml:14:21: commands.unlock.verify.point: no point named 'bnod' in this profile"),
        // 8. Door safety rules.
        Case(
            testDescription: "8 unlock without pulse",
            yaml: door([("    pulse: {duration_ms: 5000, output: relay}\n", "")]),
            expected: "test.yaml:9:5: commands.unlock.pulse: a door unlock must be a pulse timed by the device "
                + "('pulse: {duration_ms: …}'), so a lost link never leaves the door open"),
        Case(
            testDescription: "8 unlock without verify",
            yaml: door([("\n    verify: {point: bond, expect: false, within_ms: 1000}", "")]),
            expected: "test.yaml:9:5: commands.unlock.verify: a door unlock needs 'verify' "
                + "(read back the bond sensor or door position)"),
        // 9. Legacy numbers.
        Case(
            testDescription: "9 legacy 4xxxx address",
            yaml: sensor([("address: 10", "address: 40011")]),
            expected: "test.yaml:22:14: points.energy.address: 40011 looks like a legacy 1-based reference; "
                + "write 'ref: 40011' or the 0-based 'address: 10' with 'table: holding_register' "
                + "(write a real address above 10000 in hex)"),
        // 10. Serial defaults.
        Case(
            testDescription: "10 unsupported baud",
            yaml: sensor([("baud: 9600", "baud: 14400")]),
            expected: "test.yaml:7:25: serial_defaults.baud: expected a baud rate libmodbus supports (1200, 2400, "
                + "4800, 9600, 19200, 38400, 57600, 115200, …), got 14400; libmodbus would silently use 9600"),
        Case(
            testDescription: "10 bad parity",
            yaml: sensor([("parity: N", "parity: X")]),
            expected: "test.yaml:7:39: serial_defaults.parity: expected parity N, E or O, got 'X'"),
        Case(
            testDescription: "10 bad stop bits",
            yaml: sensor([("stop_bits: 1", "stop_bits: 3")]),
            expected: "test.yaml:7:67: serial_defaults.stop_bits: expected 1 or 2 stop bits, got 3"),
    ]

    @Test(arguments: cases)
    func errorClassIsRejectedWithItsPlace(errorCase: Case) {
        let lines = Fixtures.diagnostics(errorCase.yaml).map(\.description)
        #expect(lines.contains(errorCase.expected), "got:\n\(lines.joined(separator: "\n"))")
    }

    @Test func theFixturesThemselvesLoad() {
        #expect(Fixtures.diagnostics(Fixtures.sensor).isEmpty)
        #expect(Fixtures.diagnostics(Fixtures.door).isEmpty)
    }
}
