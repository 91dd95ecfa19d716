import DeviceProfiles
import Foundation
import Testing
import StationConfig

/// A valid station file loads into the model the station service reads, with defaults filled in.
struct StationLoaderTests {
    @Test func fixtureLoadsWithoutFindings() throws {
        let (result, lines) = try StationFixtures.check(StationFixtures.station)
        #expect(lines == [])
        let station = try #require(result.station)
        #expect(station.id == "test-station")
        #expect(station.name == "test-station")
        #expect(station.timeZone == StationTimeZone(identifier: "Asia/Shanghai", utcOffsetSeconds: 28800))
        #expect(station.simulation)
        #expect(station.journalPath == "/var/lib/custodyd/journal.db")
        #expect(station.zones.map(\.id) == ["entrance", "holding-1", "interview-1", "duty"])
        #expect(station.devices.count == 8)
        #expect(station.officers.map(\.tag) == ["0A1B2C01", "0A1B2C02"])
    }

    @Test func aDoorNamesTheReadersBesideIt() throws {
        let yaml = StationFixtures.station([("device: lock-holding}", "device: lock-holding, readers: [reader-entrance, reader-holding]}")])
        let station = try #require(try StationFixtures.check(yaml).check.station)
        #expect(station.door(id: "door-holding")?.readers == ["reader-entrance", "reader-holding"])
        #expect(station.door(id: "door-entrance")?.readers == [])
    }

    @Test func rtuBusWithoutALineTakesItsDevicesSerialDefaults() throws {
        let station = try #require(try StationFixtures.check(StationFixtures.station).check.station)
        let env = try #require(station.bus(id: "field"))
        #expect(env.link == .rtu(port: .match(vendorID: "1a86", modelID: "7523", serial: nil), line: SerialSettings()))
        #expect(station.bus(id: "entrance")?.link == .tcp(host: "127.0.0.1", port: 1502))
        #expect(station.bus(id: "entrance")?.transport == .tcp)
    }

    @Test func holdingRoomCapacityDefaultsToOne() throws {
        let station = try #require(try StationFixtures.check(StationFixtures.station).check.station)
        let holding = try #require(station.zone(id: "holding-1"))
        #expect(holding.capacity == 1)
        #expect(holding.areaSquareMetres == 8)
        #expect(holding.watchPost == "duty")
        #expect(holding.name == "候问室1")
        #expect(station.zone(id: "entrance")?.capacity == nil)
    }

    @Test func doorTakesTheUnlockPulseAndItsVerifyPointAsBond() throws {
        let station = try #require(try StationFixtures.check(StationFixtures.station).check.station)
        let relay = try #require(station.door(id: "door-holding"))
        #expect(relay.unlockCommand == "unlock")
        #expect(relay.positionPoint == "door_closed")
        #expect(relay.bondPoint == "bond_sensor")
        #expect(station.door(id: "door-entrance")?.bondPoint == "lock_bonded")
        #expect(station.door(id: "door-entrance")?.between == ["outside", "entrance"])
    }

    @Test func devicesLearnTheirZoneAndDoorFromWhatUsesThem() throws {
        let station = try #require(try StationFixtures.check(StationFixtures.station).check.station)
        #expect(station.device(id: "reader-holding")?.zone == "holding-1")
        #expect(station.device(id: "climate-holding")?.zone == "holding-1")
        #expect(station.device(id: "lock-holding")?.door == "door-holding")
        #expect(station.device(id: "lock-holding")?.kind == .door)
        #expect(station.fire == FireSettings(alarm: PointReference(device: "fire-monitor", point: "fire_alarm")))
        #expect(station.recorder(id: "rec-1")?.source == .api)
    }

    @Test func interviewRoomLearnsItsRecorderFromTheRecorderList() throws {
        let yaml = StationFixtures.station([(", recorder: rec-1", "")])
        let station = try #require(try StationFixtures.check(yaml).check.station)
        #expect(station.zone(id: "interview-1")?.recorder == "rec-1")
        #expect(station.recorder(id: "rec-1")?.room == "interview-1")
    }

    @Test func apiTokensAreKeptAsHashes() throws {
        let station = try #require(try StationFixtures.check(StationFixtures.station).check.station)
        #expect(station.api.unixSocket == "/run/custodyd/api.sock")
        #expect(station.api.tcpListen == nil)
        #expect(station.api.tokens.map(\.role) == [.supervisor])
        #expect(station.api.tokens.first?.sha256.count == 64)
    }

    @Test func loadThrowsEveryFindingWhenThereIsAnError() throws {
        let directory = try StationFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/station.yaml"
        try StationFixtures.station([("unit: 3", "unit: 2")]).write(toFile: path, atomically: true, encoding: .utf8)
        let profiles = try StationFixtures.profiles()
        let error = #expect(throws: StationLoadError.self) { try Station.load(file: path, profiles: profiles) }
        #expect(error?.errors.map(\.field) == ["devices.reader-holding.unit"])
    }

    @Test func missingFileIsOneError() throws {
        let result = Station.check(file: "/nonexistent/station.yaml", profiles: try StationFixtures.profiles())
        #expect(result.diagnostics.map(\.description) == ["/nonexistent/station.yaml:0:0: file: no such file"])
    }

    /// The shipped files' findings. The example's door bus polls more than a 9600 baud line carries with
    /// the shipped profiles' intervals; the demo's locks and readers run on four 115200 baud lines with room
    /// to spare, so its only findings are the modules that ship at 9600 baud and must be set to the line.
    @Test(arguments: [
        ("simulators/demo-station.yaml", [
            "40:5: warning: buses.rs485-locks-route: lock-safety, lock-info, lock-corridor, lock-exit-inner, lock-exit ship at 9600-8N1",
            "43:5: warning: buses.rs485-locks-rooms: lock-locker, lock-holding-1, lock-holding-2, lock-interview-1, lock-interview-2 ship at 9600-8N1",
            "46:5: warning: buses.rs485-readers-route: reader-entrance, reader-safety, reader-info, reader-corridor, reader-exit, reader-duty ship at 9600-8N1",
            "49:5: warning: buses.rs485-readers-rooms: reader-locker, reader-holding-1, reader-holding-2, reader-interview-1, reader-interview-2 ship at 9600-8N1",
        ]),
        ("examples/station.yaml", ["30:5: warning: buses.rs485-doors: its polls need about 339% of the line at 9600-8N1 (97 reads/s"]),
    ])
    func shippedStationFilesPassTheCheck(path: String, warnings: [String]) throws {
        let file = StationFixtures.root.appendingPathComponent(path).path
        let result = Station.check(file: file, profiles: try StationFixtures.profiles(), environment: [:])
        #expect(result.errors.map(\.description) == [])
        let found = result.warnings.map { String($0.description.dropFirst(file.count + 1)) }
        #expect(found.count == warnings.count, "\(found)")
        for (warning, prefix) in zip(found, warnings) { #expect(warning.hasPrefix(prefix), "\(warning)") }
        #expect(result.station != nil)
    }

    @Test func demoStationIsASmallCustodyArea() throws {
        let file = StationFixtures.root.appendingPathComponent("simulators/demo-station.yaml").path
        let station = try #require(Station.check(file: file, profiles: try StationFixtures.profiles(), environment: [:]).station)
        #expect(station.simulation)
        #expect(station.zones.filter { $0.kind == .holding }.count == 2)
        #expect(station.zones.filter { $0.kind == .interview }.allSatisfy { $0.recorder != nil })
        #expect(station.zones.allSatisfy { !$0.readers.isEmpty })
        #expect(Set(station.officers.map(\.sex)) == [.male, .female])
        #expect(station.officers.count >= 6)
        for room in station.zones where room.kind == .holding || room.kind == .interview {
            let profiles = Set(room.sensors.compactMap { station.device(id: $0)?.profileID })
            #expect(profiles == ["xy-md02", "senseair-s8"], "\(room.id)")
        }
        #expect(station.api.unixSocket == "/tmp/custodyd-demo/api.sock")
        #expect(
            station.bus(id: "rs485-locks-rooms")?.link
                == .rtu(port: .path("/tmp/custodyd-demo/tty-locks-rooms"), line: SerialSettings(baud: 115200)))
        let moved = try #require(
            Station.check(file: file, profiles: try StationFixtures.profiles(), environment: ["CUSTODYD_DEMO_DIR": "/run/demo-7"]).station)
        #expect(moved.journalPath == "/run/demo-7/journal.db")
        #expect(moved.idHashKeyFile == "/run/demo-7/id-hash.key")
    }
}
