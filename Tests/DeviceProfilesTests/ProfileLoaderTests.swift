import Foundation
import Testing
import Modbus
@testable import DeviceProfiles

struct ProfileLoaderTests {
    @Test func everyErrorInAFileIsReportedInLineOrder() {
        let yaml = ProfileErrorTests.sensor([
            ("baud: 9600", "baud: 14400"),
            ("scale: 0.1", "scale: 0"),
            ("address: 10", "address: 40011"),
        ])
        let lines = Fixtures.diagnostics(yaml).map(\.location.line)
        #expect(lines == [7, 19, 22])
    }

    @Test func yamlSyntaxErrorsCarryTheirPlace() throws {
        let diagnostics = Fixtures.diagnostics("profile: x\npoints: [a, b\n")
        let first = try #require(diagnostics.first)
        #expect(diagnostics.count == 1)
        #expect(first.field == "yaml")
        #expect(first.message.hasPrefix("not valid YAML"))
        #expect(first.location.line >= 2)
    }

    @Test func duplicateKeysInOneMappingAreRejected() throws {
        let diagnostics = Fixtures.diagnostics(Fixtures.sensor + "\nversion: 1\n")
        #expect(diagnostics.map(\.message) == ["duplicate key 'version' in one mapping"])
    }

    @Test func emptyFileIsRejected() {
        #expect(Fixtures.diagnostics("").map(\.description) == ["test.yaml:1:1: profile: the file is empty"])
    }

    @Test(arguments: [
        ("40001", ModbusTable.holdingRegister, 0),
        ("30004", .inputRegister, 3),
        ("10002", .discreteInput, 1),
        ("00017", .coil, 16),
        ("400101", .holdingRegister, 100),
    ])
    func legacyRefBecomesAZeroBasedAddress(ref: String, table: ModbusTable, address: Int) throws {
        let type = table.isBits ? "bool" : "uint32\n    word_order: CDAB"
        let yaml = ProfileErrorTests.sensor([
            ("    table: holding_register\n    address: 10\n    type: uint32\n    word_order: CDAB",
             "    ref: \(ref)\n    type: \(type)")
        ])
        let profile = try DeviceProfile(yaml: yaml, file: "t.yaml")
        let point = try #require(profile.point(named: "energy"))
        #expect(point.table == table)
        #expect(point.address == address)
        #expect(point.reference == Int(ref))
    }

    @Test func refThatContradictsTheTableIsRejected() {
        let yaml = ProfileErrorTests.sensor([("    address: 10", "    ref: 30011")])
        #expect(Fixtures.diagnostics(yaml).map(\.message) == ["ref 30011 is a input_register, but table is holding_register"])
    }

    @Test func hexAddressAbove10000IsAPlainAddress() throws {
        let yaml = ProfileErrorTests.sensor([("address: 10", "address: 0x9C4B")])
        #expect(try DeviceProfile(yaml: yaml, file: "t.yaml").point(named: "energy")?.address == 40011)
    }

    @Test func aliasAllowsASecondViewOfTheSameRegisters() throws {
        let extra = """

              - name: energy_high
                table: holding_register
                address: 10
                type: uint16
                alias: true
            """
        let profile = try DeviceProfile(yaml: Fixtures.sensor + extra, file: "t.yaml")
        #expect(profile.points.count == 3)
        let without = Fixtures.sensor + extra.replacingOccurrences(of: "\n    alias: true", with: "")
        #expect(Fixtures.diagnostics(without).count == 1)
    }

    @Test func eventReferencesMustExistAndLatchesNeedAnAck() {
        let yaml = Fixtures.door + """

            events:
              - name: tag_read
                trigger: {point: is_new_tag, equals: true}
                capture: [tag_id]
              - name: forced
                trigger: {counter: bond}
                ack: {table: discrete_input, address: 0, value: 0}
            """
        let messages = Fixtures.diagnostics(yaml).map { "\($0.field): \($0.message)" }
        #expect(messages.contains("events.tag_read.trigger.point: no point named 'is_new_tag' in this profile"))
        #expect(messages.contains("events.tag_read.capture: no point named 'tag_id' in this profile"))
        #expect(messages.contains("events.tag_read.ack: a latch trigger needs 'ack' to re-arm it"))
        #expect(messages.contains(
            "events.forced.ack.table: an ack must write a coil or holding_register; discrete_input is read-only"))
    }

    @Test func simulationHintsMustNameRealPoints() {
        let yaml = Fixtures.door + "\nsimulation:\n  bond: {follows: {point: relya, invert: true}}\n  ghost: {initial: 1}\n"
        let messages = Fixtures.diagnostics(yaml).map(\.field)
        #expect(messages == ["simulation.bond.follows.point", "simulation.ghost"])
    }

    @Test func doorProfileWithoutAnyUnlockIsRejected() {
        let yaml = Fixtures.door.replacingOccurrences(of: "name: unlock", with: "name: release")
        #expect(Fixtures.diagnostics(yaml).map(\.field) == ["commands"])
    }

    @Test func sentinelsMatchByBitPattern() throws {
        let yaml = ProfileErrorTests.sensor([("    scale: 0.1", "    scale: 0.1\n    unavailable: [0x7FFF, -1]")])
        let point = try #require(try DeviceProfile(yaml: yaml, file: "t.yaml").point(named: "temperature"))
        #expect(point.unavailable == [.bits(0x7FFF), .bits(0xFFFF)])
    }

    @Test func rtuProfileNeedsSerialDefaults() {
        let yaml = ProfileErrorTests.sensor([("serial_defaults: {baud: 9600, parity: N, data_bits: 8, stop_bits: 1}\n", "")])
        #expect(Fixtures.diagnostics(yaml).map(\.message) == ["missing required key 'serial_defaults' for an rtu profile"])
    }

    @Test func aBrokenCommandStillHasItsReferencesChecked() {
        let yaml = ProfileErrorTests.door([("value: 50, raw: true", "value: 50"), ("point: bond,", "point: bnod,")])
        #expect(Fixtures.diagnostics(yaml).map(\.field) == ["commands.unlock.write.value", "commands.unlock.verify.point"])
    }

    @Test func smokeMonitorsAreReadOnly() {
        let yaml = Fixtures.door.replacingOccurrences(of: "kind: door", with: "kind: smoke-monitor")
        #expect(Fixtures.diagnostics(yaml).map(\.field) == ["points.relay.access", "commands.unlock"])
    }
}
