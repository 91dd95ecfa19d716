import Foundation
import Testing
import StationConfig

/// Officers may live in a roster file beside the station file; its errors name the roster file.
struct RosterTests {
    static let inline = """
        officers:
          - {id: "1001", name: 王强, sex: male, tag: 0A1B2C01}
          - {id: "1002", name: 李娜, sex: female, tag: 0A1B2C02}
        """

    static let roster = """
        version: 1
        officers:
          - {id: A-17, name: 王强, sex: male, tag: 0a1b2c01}
          - {id: B-22, name: 李娜, sex: female, tag: 0A1B2C02}
          - {id: C-05, name: 刘芳, sex: female, tag: 0A1B2C03}
        """

    static var stationWithRoster: String { StationFixtures.station([(inline, "roster: roster.yaml")]) }

    @Test func officersComeFromTheRosterBesideTheStationFile() throws {
        let (result, lines) = try StationFixtures.check(Self.stationWithRoster, files: ["roster.yaml": Self.roster])
        #expect(lines == [])
        let station = try #require(result.station)
        #expect(station.officers.map(\.id) == ["A-17", "B-22", "C-05"])
        #expect(station.officers.first?.tag == "0A1B2C01")
        #expect(station.officers.map(\.sex) == [.male, .female, .female])
        #expect(station.rosterFile?.hasSuffix("/roster.yaml") == true)
    }

    @Test func rosterErrorsNameTheRosterFile() throws {
        let broken = Self.roster.replacingOccurrences(of: "tag: 0A1B2C03", with: "tag: 0A1B2C02")
            .replacingOccurrences(of: "sex: male", with: "sex: man")
        let errors = try StationFixtures.errors(Self.stationWithRoster, files: ["roster.yaml": broken])
        #expect(errors == [
            "roster.yaml:3:31: officers.A-17.sex: expected one of male, female, got 'man'",
            "roster.yaml:5:44: officers.C-05.tag: tag 0A1B2C02 is already officer 'B-22' (line 4)",
        ])
    }

    @Test func missingRosterIsAnErrorAtTheRosterKey() throws {
        let errors = try StationFixtures.errors(Self.stationWithRoster)
        #expect(errors == ["station.yaml:42:9: roster: cannot read the roster file 'roster.yaml'"])
    }

    @Test func rosterWithoutOfficersListIsAnError() throws {
        let errors = try StationFixtures.errors(Self.stationWithRoster, files: ["roster.yaml": "version: 1\n"])
        #expect(errors == ["roster.yaml:1:1: officers: missing required key 'officers'"])
    }

    @Test func officersAndRosterTogetherAreRefused() throws {
        let both = StationFixtures.station([(Self.inline, Self.inline + "\nroster: roster.yaml")])
        let errors = try StationFixtures.errors(both, files: ["roster.yaml": Self.roster])
        #expect(errors == ["station.yaml:45:1: roster: give officers or roster, not both"])
    }
}
