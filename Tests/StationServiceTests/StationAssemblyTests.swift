import CustodyCore
import DeviceProfiles
import FieldBus
import Foundation
import Modbus
import StationConfig
import StationService
import Testing

/// The station file as the daemon reads it: the core's layout and parameters, the buses' plan, and
/// what each field event means.
@Suite("From the station file to the running parts")
struct StationAssemblyTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func demo() throws -> Station {
        try Station.load(
            file: repository.appendingPathComponent("simulators/demo-station.yaml").path,
            profiles: DaemonTestStation.profiles, environment: ["CUSTODYD_DEMO_DIR": "/tmp/custodyd-assembly-test"]
        ).station
    }

    static func e2e() throws -> Station {
        let yaml = DaemonTestStation.stationYAML(directory: "/tmp/e2e", tcpPort: 15020)
        let check = Station.check(yaml: yaml, file: "e2e.yaml", profiles: DaemonTestStation.profiles, environment: ["E2E_DIR": "/tmp/e2e"])
        return try #require(check.station, "\(check.diagnostics)")
    }

    @Test func theDemoStationBecomesTheCoresLayoutInTheFilesOrder() throws {
        let station = try Self.demo()
        let layout = StationLayout(station: station)
        #expect(layout.zones.map(\.id.rawValue) == station.zones.map(\.id))
        #expect(layout.zones.first { $0.id == "holding-1" }?.kind == .holding)
        #expect(layout.zones.first { $0.id == "holding-1" }?.watchPost == "duty")
        #expect(layout.zones.first { $0.id == "safety-check" }?.kind == .safetyCheck)
        let door = try #require(layout.doors.first { $0.id == "door-holding-1" })
        #expect(door.zones == ["corridor", "holding-1"])
        #expect(door.lock == "lock-holding-1")
        #expect(layout.readers.contains { $0.id == "reader-interview-1" && $0.zone == "interview-1" })
        #expect(layout.sensors.contains { $0.id == "co2-holding-2" && $0.zone == "holding-2" })
        #expect(layout.recorders.map(\.id.rawValue) == ["rec-interview-1", "rec-interview-2"])
        #expect(layout.officers.count == station.officers.count)
        #expect(layout.officers.first?.tag == "0A1B2C01")
    }

    @Test func ruleOverridesReachTheCoresParameters() throws {
        let yaml = DaemonTestStation.stationYAML(directory: "/tmp/e2e", tcpPort: 15020) + """

            rules:
              SUP-01: {grace_seconds: 45}
              ESC-01: {min_officers: 3}
              CLK-04: {limit_hours: 3, warn_min_minutes: 20}
              ENV-01: {co2_alarm_ppm: 1400, temperature_warn_max_degc: 27}
              WEL-02: {night_from_hour: 1}
              DEV-01: {offline_after_misses: 5}
            """
        let check = Station.check(yaml: yaml, file: "e2e.yaml", profiles: DaemonTestStation.profiles, environment: ["E2E_DIR": "/tmp/e2e"])
        let station = try #require(check.station, "\(check.diagnostics)")
        let parameters = RuleParameters(station: station)
        #expect(parameters.station == StationTime(utcOffsetMinutes: 480))
        #expect(parameters.supervisionGrace == .seconds(45))
        #expect(parameters.officersRequired == 3)
        #expect(parameters.vulnerableLimit == .hours(3))
        #expect(parameters.warnLeadMinimum == .minutes(20))
        #expect(parameters.co2Alarm == 1400)
        #expect(parameters.temperatureWarn == 16...27)
        #expect(parameters.noQuestioningWindow == DailyWindow.hours(1, 6))
        #expect(parameters.escortGrace == RuleParameters.defaults.escortGrace, "untouched parameters keep RULES.md's defaults")
        let plan = try FieldBusPlan(station: station, profiles: DaemonTestStation.profiles)
        #expect(plan.devices.allSatisfy { $0.profile.poll.offlineAfterMisses == 5 })
    }

    @Test func theBusPlanKeepsEachBusAndItsDevices() throws {
        let plan = try FieldBusPlan(station: try Self.e2e(), profiles: DaemonTestStation.profiles)
        #expect(plan.buses.map(\.id) == ["rs485", "entrance-tcp"])
        #expect(plan.buses.last?.endpoint == .tcp(host: "127.0.0.1", port: 15020))
        if case .rtu(let port, let line)? = plan.buses.first?.endpoint {
            #expect(port.path == "/tmp/e2e/tty-bus")
            #expect(line.baud == 9600)
        } else {
            Issue.record("rs485 should be an RTU bus")
        }
        #expect(plan.devices.filter { $0.busID == "rs485" }.count == 10)
    }

    static func event(_ device: String, _ kind: FieldEvent.Kind) -> FieldEvent {
        FieldEvent(device: device, timestampMs: 0, kind: kind)
    }

    @Test func aTagReadIsAPresenceAndAtADoorReaderAnOfficersRequestToPass() throws {
        let translator = FieldTranslator(station: try Self.e2e())
        let officer = Self.event("reader-corridor", .occurred(event: "tag_read", count: 1, captures: ["tag_id": .value(.string("0a1b2c01\0\0"))]))
        #expect(translator.observations(for: officer) == [
            .tagSeen(tag: "0A1B2C01", zone: "corridor"), .accessRequest(tag: "0A1B2C01", door: "door-holding"),
        ])
        let wristband = Self.event("reader-corridor", .occurred(event: "tag_read", count: 1, captures: ["tag_id": .value(.string("5E000001"))]))
        #expect(translator.observations(for: wristband) == [.tagSeen(tag: "5E000001", zone: "corridor")], "a wristband never asks a door")
        let empty = Self.event("reader-corridor", .occurred(event: "tag_read", count: 1, captures: ["tag_id": .value(.string(""))]))
        #expect(translator.observations(for: empty).isEmpty)
        let restart = Self.event("reader-corridor", .occurred(event: "reader_restarted", count: 1, captures: [:]))
        #expect(translator.observations(for: restart).isEmpty)
    }

    @Test func lockPointsAreTheDoorsPositionAndLockState() throws {
        let translator = FieldTranslator(station: try Self.e2e())
        #expect(translator.observations(for: Self.event("lock-holding", .sample(point: "door_closed", reading: .value(.bool(false)))))
            == [.doorPosition(door: "door-holding", open: true)])
        #expect(translator.observations(for: Self.event("lock-holding", .sample(point: "bond_sensor", reading: .value(.bool(true)))))
            == [.lockState(door: "door-holding", locked: true)])
        #expect(translator.observations(for: Self.event("lock-entrance", .sample(point: "lock_bonded", reading: .value(.bool(false)))))
            == [.lockState(door: "door-entrance", locked: false)])
        #expect(translator.observations(for: Self.event("lock-holding", .sample(point: "request_to_exit", reading: .value(.bool(true))))).isEmpty)
        // A forced opening counted between two polls: the core sees it open and close again.
        #expect(translator.observations(for: Self.event("lock-holding", .sample(point: "door_closed", reading: .value(.bool(true))))).count == 1)
        #expect(translator.observations(for: Self.event("lock-entrance", .occurred(event: "door_forced", count: 1, captures: [:])))
            == [.doorPosition(door: "door-entrance", open: true), .doorPosition(door: "door-entrance", open: false)])
    }

    @Test func sensorsFireAndHealthBecomeObservations() throws {
        let translator = FieldTranslator(station: try Self.e2e())
        #expect(translator.observations(for: Self.event("co2-holding", .sample(point: "co2", reading: .value(.uint(1650)))))
            == [.sensor(device: "co2-holding", quantity: .co2, value: 1650)])
        #expect(translator.observations(for: Self.event("co2-holding", .sample(point: "meter_status", reading: .value(.uint(0))))).isEmpty)
        #expect(translator.observations(for: Self.event("co2-holding", .sample(point: "co2", reading: .unavailable(raw: [0xFFFF])))).isEmpty,
                "an unavailable reading is not a value")
        #expect(translator.observations(for: Self.event("fire-monitor", .sample(point: "fire_alarm", reading: .value(.bool(true)))))
            == [.fire(active: true)])
        #expect(translator.observations(for: Self.event("fire-monitor", .sample(point: "panel_fault", reading: .value(.bool(true))))).isEmpty)
        #expect(translator.observations(for: Self.event("reader-duty", .offline(error: .noAnswer(timeoutMilliseconds: 500), misses: 3)))
            == [.device(device: "reader-duty", online: false)])
        #expect(translator.observations(for: Self.event("reader-duty", .online)) == [.device(device: "reader-duty", online: true)])
    }
}
