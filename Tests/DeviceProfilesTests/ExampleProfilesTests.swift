import Testing
import Modbus
@testable import DeviceProfiles

/// The shipped profiles in `devices/` must all load, and say what DEVICES.md §4 says.
struct ExampleProfilesTests {
    static let expectedIDs = [
        "door-controller-tcp", "fire-panel-monitor", "inveo-rfid-mif", "senseair-s8", "waveshare-relay-8ch-door",
        "xy-md02",
    ]

    @Test func everyShippedProfileLoads() throws {
        let result = ProfileLibrary.check(directory: Fixtures.devicesDirectory)
        #expect(result.diagnostics.map(\.description) == [])
        #expect(result.profiles.map(\.id).sorted() == Self.expectedIDs)
    }

    @Test func xymd02ReadsTemperatureAsSignedTenths() throws {
        let library = try ProfileLibrary.load(directory: Fixtures.devicesDirectory)
        let profile = try #require(library.profile(id: "xy-md02"))
        let temperature = try #require(profile.point(named: "temperature"))
        #expect(temperature.table == .inputRegister)
        #expect(temperature.address == 1)
        #expect(temperature.type == .int16)
        #expect(temperature.reading(registers: [0xFF33]) == .value(.double(-20.5)))
        #expect(profile.serialDefaults == SerialSettings(baud: 9600, parity: .none, dataBits: 8, stopBits: 1))
    }

    @Test func senseairCO2IsTheFourthInputRegister() throws {
        let profile = try #require(try ProfileLibrary.load(directory: Fixtures.devicesDirectory).profile(id: "senseair-s8"))
        let co2 = try #require(profile.point(named: "co2"))
        #expect(co2.address == 3)
        #expect(co2.table == .inputRegister)
    }

    @Test(arguments: ["waveshare-relay-8ch-door", "door-controller-tcp"])
    func doorUnlocksArePulsesWithVerify(id: String) throws {
        let profile = try #require(try ProfileLibrary.load(directory: Fixtures.devicesDirectory).profile(id: id))
        #expect(profile.kind == .door)
        let unlock = try #require(profile.command(named: "unlock"))
        let pulse = try #require(unlock.pulse)
        #expect(pulse.durationMs == 5000)
        let verify = try #require(unlock.verify)
        #expect(profile.point(named: verify.point) != nil)
    }

    @Test func waveshareFlashIsARawWrite() throws {
        let profile = try #require(
            try ProfileLibrary.load(directory: Fixtures.devicesDirectory).profile(id: "waveshare-relay-8ch-door"))
        let unlock = try #require(profile.command(named: "unlock"))
        #expect(unlock.write == CommandWrite(functionCode: 5, values: [50], raw: true))
        #expect(unlock.address == 0x0200)
    }

    @Test func inveoTagReadIsALatchAcknowledgedOnCoil1016() throws {
        let profile = try #require(try ProfileLibrary.load(directory: Fixtures.devicesDirectory).profile(id: "inveo-rfid-mif"))
        let event = try #require(profile.events.first { $0.name == "tag_read" })
        #expect(event.trigger == .latch(point: "is_new_tag", equals: .bool(true)))
        #expect(event.capture == ["tag_id"])
        #expect(event.ack == DeviceEvent.Acknowledge(table: .coil, address: 1016, value: 0))
        let tag = try #require(profile.point(named: "tag_id"))
        #expect(tag.addresses == 1002...1011)
        #expect(profile.point(named: "reset_flag")?.address == 1017)
    }

    @Test func firePanelMonitorIsReadOnly() throws {
        let profile = try #require(
            try ProfileLibrary.load(directory: Fixtures.devicesDirectory).profile(id: "fire-panel-monitor"))
        #expect(profile.commands.isEmpty)
        #expect(profile.points.allSatisfy { $0.access == .read })
        #expect(profile.point(named: "fire_alarm")?.table == .discreteInput)
    }

    @Test func tcpDoorControllerNeedsNoSerialLine() throws {
        let profile = try #require(
            try ProfileLibrary.load(directory: Fixtures.devicesDirectory).profile(id: "door-controller-tcp"))
        #expect(profile.transports == [.tcp])
        #expect(profile.serialDefaults == nil)
        #expect(profile.point(named: "uptime")?.wordOrder == .cdab)
    }

    @Test func simulationHintsServeAsRawRegisters() throws {
        let library = try ProfileLibrary.load(directory: Fixtures.devicesDirectory)
        let sensor = try #require(library.profile(id: "xy-md02"))
        let hint = try #require(sensor.simulationHint(for: "temperature"))
        let point = try #require(sensor.point(named: "temperature"))
        #expect(try point.registers(for: try #require(hint.initial)) == [215])
        let door = try #require(library.profile(id: "waveshare-relay-8ch-door"))
        #expect(door.simulationHint(for: "bond_sensor")?.follows
            == SimulationHint.Follows(point: "release_relay", invert: true, delayMs: 200))
    }

    @Test func everySimulationInitialValueEncodesForItsPoint() throws {
        for profile in try ProfileLibrary.load(directory: Fixtures.devicesDirectory).profiles {
            for hint in profile.simulation {
                let point = try #require(profile.point(named: hint.point))
                if let initial = hint.initial {
                    let registers = try point.registers(for: initial)
                    #expect(registers.count == point.count, "\(profile.id).\(point.name)")
                }
            }
        }
    }

    @Test func aWriteIsRecognisedAsItsCommand() throws {
        let library = try ProfileLibrary.load(directory: Fixtures.devicesDirectory)
        let door = try #require(library.profile(id: "waveshare-relay-8ch-door"))
        #expect(door.commands(writing: .coil, address: 0x0200).map(\.name) == ["unlock"])
        #expect(door.commands(writing: .holdingRegister, address: 0x0200).isEmpty)
    }
}
