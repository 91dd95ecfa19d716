import DeviceProfiles
import FieldBus
import Modbus
import Testing

@Suite("Configuration checks")
struct ConfigurationTests {
    let tcp = BusSpec(id: "tcp-a", endpoint: .tcp(host: "127.0.0.1", port: 1502))

    func supervisor(_ buses: [BusSpec], _ devices: [DeviceSpec]) throws(FieldBusConfigurationError) -> FieldBusSupervisor {
        try FieldBusSupervisor(buses: buses, devices: devices, ports: { [] }, onEvent: { _ in })
    }

    @Test func mistakesInTheBusAndDeviceListAreRefusedBeforeAnythingOpens() async throws {
        let profile = try exampleProfile("door-controller-tcp")
        let door = DeviceSpec(id: "door-1", busID: "tcp-a", unit: 1, profile: profile)
        #expect(throws: FieldBusConfigurationError.duplicateBus("tcp-a")) { try supervisor([tcp, tcp], [door]) }
        #expect(throws: FieldBusConfigurationError.duplicateDevice("door-1")) { try supervisor([tcp], [door, door]) }
        let sameGateway = BusSpec(id: "tcp-b", endpoint: .tcp(host: "127.0.0.1", port: 1502))
        #expect(throws: FieldBusConfigurationError.sharedEndpoint(buses: ["tcp-a", "tcp-b"], endpoint: "127.0.0.1:1502")) {
            try supervisor([tcp, sameGateway], [door])
        }
        var twin = door
        twin.id = "door-2"
        #expect(throws: FieldBusConfigurationError.duplicateUnit(bus: "tcp-a", unit: 1, devices: ["door-1", "door-2"])) {
            try supervisor([tcp], [door, twin])
        }
        var lost = door
        lost.busID = "rs485-z"
        #expect(throws: FieldBusConfigurationError.unknownBus(device: "door-1", bus: "rs485-z")) { try supervisor([tcp], [lost]) }
        var typo = door
        typo.deadbands = ["supply_voltge": 0.2]
        #expect(throws: FieldBusConfigurationError.unknownPoint(device: "door-1", point: "supply_voltge")) {
            try supervisor([tcp], [typo])
        }
        var broadcast = door
        broadcast.unit = 250
        #expect(throws: FieldBusConfigurationError.invalidUnit(device: "door-1", unit: 250)) { try supervisor([tcp], [broadcast]) }
    }

    @Test func aStatusListsEveryDeviceBeforeTheFirstPoll() async throws {
        let profile = try exampleProfile("door-controller-tcp")
        let fieldBus = try supervisor([tcp], [DeviceSpec(id: "door-1", busID: "tcp-a", unit: 1, profile: profile)])
        #expect(fieldBus.status() == [DeviceStatus(device: "door-1", bus: "tcp-a", unit: 1)])
        #expect(fieldBus.doorUnlockCommands.map(\.command) == ["unlock"])
    }
}
