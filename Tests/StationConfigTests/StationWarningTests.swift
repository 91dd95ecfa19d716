import Foundation
import Testing
import StationConfig

/// Findings that let the station load but that a technician should see.
struct StationWarningTests {
    @Test func zoneWithoutReadersAndAnUnusedReader() throws {
        let yaml = StationFixtures.station([("readers: [reader-duty]", "readers: []")])
        let (result, lines) = try StationFixtures.check(yaml)
        #expect(result.station != nil)
        #expect(lines == [
            "station.yaml:20:5: warning: devices.reader-duty: no zone lists this reader",
            "station.yaml:34:5: warning: zones.duty: no readers: nobody will be seen in this zone",
        ])
    }

    @Test func productionStationWithoutFireOrIDKey() throws {
        let yaml = StationFixtures.station([
            ("simulation: true", "simulation: false"),
            ("fire:\n  alarm: {device: fire-monitor, point: fire_alarm}\n", ""),
        ])
        let (result, lines) = try StationFixtures.check(yaml)
        #expect(result.station?.simulation == false)
        #expect(lines == [
            "station.yaml:1:1: warning: fire: no fire alarm point: FIRE-01 will not release locks or count heads",
            "station.yaml:1:1: warning: privacy: no id_hash_key_file: ID numbers cannot be hashed for the chained-summons check (CLK-07)",
        ])
    }

    @Test func stationWithoutOfficers() throws {
        let officers = "officers:\n  - {id: \"1001\", name: 王强, sex: male, tag: 0A1B2C01}\n  - {id: \"1002\", name: 李娜, sex: female, tag: 0A1B2C02}\n"
        let (result, lines) = try StationFixtures.check(StationFixtures.station([(officers, "officers: []\n")]))
        #expect(result.station?.officers == [])
        #expect(lines == ["station.yaml:42:11: warning: officers: no officers: every escort and questioning would alarm (SUP-01, ESC-01)"])
    }

    @Test func zoneThatChangesOffsetDuringTheYear() throws {
        let yaml = StationFixtures.station([("Asia/Shanghai", "Europe/Berlin"), ("\"+08:00\"", "\"+01:00\"")])
        let (result, lines) = try StationFixtures.check(yaml)
        #expect(result.station?.timeZone == StationTimeZone(identifier: "Europe/Berlin", utcOffsetSeconds: 3600))
        #expect(lines == [
            "station.yaml:5:15: warning: station.utc_offset: Europe/Berlin changes between +01:00 and +02:00 during the year; "
                + "the rules use +01:00 all year",
        ])
    }

    @Test func utcWithZ() throws {
        let yaml = StationFixtures.station([("Asia/Shanghai", "UTC"), ("\"+08:00\"", "Z")])
        let station = try #require(try StationFixtures.check(yaml).check.station)
        #expect(station.timeZone.utcOffsetSeconds == 0)
        #expect(station.timeZone.offsetText == "+00:00")
    }

    @Test func negativeOffsetText() {
        #expect(StationTimeZone(identifier: "America/St_Johns", utcOffsetSeconds: -12600).offsetText == "-03:30")
    }

    @Test func summaryCountsWhatTheFileHolds() throws {
        let station = try #require(try StationFixtures.check(StationFixtures.station).check.station)
        #expect(station.summaryLines == [
            "station test-station (test-station), Asia/Shanghai +08:00, simulation",
            "4 zones, 2 doors, 8 devices on 3 buses, 2 officers, 1 recorders, 2 rule overrides",
            "zones: 1 entrance, 1 holding, 1 interview, 1 duty-post",
            "bus doors: rtu /dev/serial/by-path/pci-0000:00:14.0-usb-0:2:1.0-port0 9600-8N1, 2 devices",
            "bus field: rtu usb vendor 1a86 model 7523 9600-8N1, 5 devices",
            "bus entrance: tcp 127.0.0.1:1502, 1 devices",
            "api: unix /run/custodyd/api.sock, 1 tokens",
        ])
    }
}
