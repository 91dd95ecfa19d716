import DeviceProfiles
import Foundation
import Testing
import StationConfig

/// An RTU bus runs one line: written, or agreed by its devices' profiles.
struct BusLineTests {
    /// The shipped profiles plus `xy-md02-fast`, an XY-MD02 set to 19200 8E1.
    static func profilesWithFastSensor() throws -> ProfileLibrary {
        let directory = try StationFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        for name in try FileManager.default.contentsOfDirectory(atPath: StationFixtures.devicesDirectory) where name.hasSuffix(".yaml") {
            try FileManager.default.copyItem(atPath: StationFixtures.devicesDirectory + "/" + name, toPath: directory + "/" + name)
        }
        let text = try String(contentsOfFile: StationFixtures.devicesDirectory + "/xy-md02.yaml", encoding: .utf8)
            .replacingOccurrences(of: "profile: xy-md02", with: "profile: xy-md02-fast")
            .replacingOccurrences(of: "{baud: 9600, parity: N,", with: "{baud: 19200, parity: E,")
        try text.write(toFile: directory + "/xy-md02-fast.yaml", atomically: true, encoding: .utf8)
        return try ProfileLibrary.load(directory: directory)
    }

    static let secondSensor = "  - {id: climate-holding, profile: xy-md02, bus: field, unit: 1}"

    @Test func busWithoutALineNeedsDevicesThatAgree() throws {
        let yaml = StationFixtures.station([
            (Self.secondSensor, Self.secondSensor + "\n  - {id: climate-spare, profile: xy-md02-fast, bus: field, unit: 12}"),
        ])
        let (result, lines) = try StationFixtures.check(yaml, profiles: try Self.profilesWithFastSensor())
        #expect(result.station == nil)
        #expect(lines.filter { !$0.contains("warning:") } == [
            "station.yaml:10:5: buses.field.rtu.line: its devices ship at different lines (19200-8E1, 9600-8N1); set the bus's line",
        ])
    }

    @Test func devicesShippingAtAnotherLineAreOneWarningPerBus() throws {
        let yaml = StationFixtures.station([(Self.secondSensor, "  - {id: climate-holding, profile: xy-md02-fast, bus: doors, unit: 9}")])
        let (result, lines) = try StationFixtures.check(yaml, profiles: try Self.profilesWithFastSensor())
        #expect(result.station != nil)
        #expect(lines == [
            "station.yaml:8:5: warning: buses.doors: climate-holding ship at 19200-8E1, the bus runs 9600-8N1: set them to "
                + "the bus's line",
        ])
    }

    @Test func busThatCannotKeepUpWithItsPollsIsAWarning() throws {
        let yaml = StationFixtures.station([
            ("reader-duty, profile: inveo-rfid-mif, bus: field", "reader-duty, profile: inveo-rfid-mif, bus: doors"),
            ("reader-interview, profile: inveo-rfid-mif, bus: field", "reader-interview, profile: inveo-rfid-mif, bus: doors"),
            ("reader-holding, profile: inveo-rfid-mif, bus: field", "reader-holding, profile: inveo-rfid-mif, bus: doors"),
            ("reader-entrance, profile: inveo-rfid-mif, bus: field", "reader-entrance, profile: inveo-rfid-mif, bus: doors"),
        ])
        let (result, lines) = try StationFixtures.check(yaml)
        #expect(result.station != nil)
        #expect(lines == [
            "station.yaml:8:5: warning: buses.doors: its polls need about 113% of the line at 9600-8N1 (32 reads/s, "
                + "12 ms per read for the devices to answer): raise the baud, lengthen poll intervals or split the bus",
        ])
        let faster = yaml.replacingOccurrences(of: "line: 9600-8N1", with: "line: 115200-8N1")
        #expect(try StationFixtures.check(faster).lines.filter { $0.contains("of the line") } == [])
    }

    @Test func plugOrderNameIsAWarning() throws {
        let yaml = StationFixtures.station([("port: /dev/serial/by-path/pci-0000:00:14.0-usb-0:2:1.0-port0", "port: /dev/ttyUSB0")])
        let (result, lines) = try StationFixtures.check(yaml)
        #expect(result.station?.bus(id: "doors")?.link == .rtu(port: .path("/dev/ttyUSB0"), line: SerialSettings()))
        #expect(lines == [
            "station.yaml:9:17: warning: buses.doors.rtu.port: /dev/ttyUSB0 changes with plug order; name the adapter by its "
                + "/dev/serial/by-path/… link or a match",
        ])
    }

    @Test func lineAsAMappingWithEvenParity() throws {
        let yaml = StationFixtures.station([("line: 9600-8N1", "line: {baud: 19200, parity: E}")])
        let station = try #require(try StationFixtures.check(yaml).check.station)
        let expected = SerialSettings(baud: 19200, parity: .even, dataBits: 8, stopBits: 1)
        #expect(station.bus(id: "doors")?.link == .rtu(port: .path("/dev/serial/by-path/pci-0000:00:14.0-usb-0:2:1.0-port0"), line: expected))
    }

    @Test func ipv6EndpointAndTCPUnit255() throws {
        let yaml = StationFixtures.station([
            ("tcp: 127.0.0.1:1502", "tcp: \"[::1]:1502\""), ("bus: entrance, unit: 1", "bus: entrance, unit: 255"),
        ])
        let station = try #require(try StationFixtures.check(yaml).check.station)
        #expect(station.bus(id: "entrance")?.link == .tcp(host: "::1", port: 1502))
        #expect(station.device(id: "lock-entrance")?.unit == 255)
        #expect(station.summaryLines.contains("bus entrance: tcp [::1]:1502, 1 devices"))
    }
}
