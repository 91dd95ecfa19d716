import DeviceProfiles
import Foundation
import Testing
import StationConfig

/// Rule overrides are checked against the catalogue and handed on typed, durations in seconds.
struct RuleOverrideTests {
    static let defaultRules = """
        rules:
          CLK-01: {limit_hours: 12}
          SUP-01: {grace_seconds: 30}
        """

    static func station(rules: String) -> String {
        StationFixtures.station([(defaultRules, rules)])
    }

    @Test func overridesAreTypedAndDurationsAreSeconds() throws {
        let yaml = Self.station(rules: """
            rules:
              CLK-01: {limit_hours: 12}
              CLK-04: {limit_hours: 0.5}
              CLK-02: {tier_enabled: false}
              SUP-01: {grace_seconds: 45, min_officers: 3}
              ENV-01: {co2_warn_mean_ppm: 900}
              FLOW-01: {}
            """)
        let station = try #require(try StationFixtures.check(yaml).check.station)
        #expect(station.rules.values == [
            "CLK-01": ["limit_hours": .seconds(43200)],
            "CLK-04": ["limit_hours": .seconds(1800)],
            "CLK-02": ["tier_enabled": .flag(false)],
            "SUP-01": ["grace_seconds": .seconds(45), "min_officers": .count(3)],
            "ENV-01": ["co2_warn_mean_ppm": .number(900)],
        ])
        #expect(station.rules.value(rule: "SUP-01", parameter: "grace_seconds") == .seconds(45))
        #expect(station.rules.entries.first?.location.line == 46)
    }

    @Test func countMustBeWhole() throws {
        let errors = try StationFixtures.errors(Self.station(rules: "rules:\n  SUP-01: {min_officers: 2.5}"))
        #expect(errors == ["station.yaml:46:26: rules.SUP-01.min_officers: expected an integer"])
    }

    @Test func ruleWithoutParametersRefusesAny() throws {
        let errors = try StationFixtures.errors(Self.station(rules: "rules:\n  ZONE-01: {grace_seconds: 5}"))
        #expect(errors == ["station.yaml:46:13: rules.ZONE-01.grace_seconds: rule ZONE-01 has no parameter 'grace_seconds' (it has none)"])
    }

    @Test func occupancyOverrideChangesTheAreaCheck() throws {
        let zone = "    area_m2: 8"
        let tight = StationFixtures.station([(zone, "    capacity: 2\n" + zone)])
        #expect(try StationFixtures.errors(tight).count == 1)
        let relaxed = tight.replacingOccurrences(of: Self.defaultRules, with: "rules:\n  OCC-01: {area_per_person_m2: 4}")
        #expect(try StationFixtures.errors(relaxed) == [])
        let twoByDefault = StationFixtures.station([(Self.defaultRules, "rules:\n  OCC-01: {default_capacity: 2}")])
        #expect(try StationFixtures.errors(twoByDefault) == [
            "station.yaml:29:14: zones.holding-1.capacity: capacity 2 exceeds floor(8 m² / 6 m²) = 1 (OCC-01)",
        ])
    }

    @Test func catalogueHasEveryRuleOfRulesMD() {
        #expect(RuleCatalogue.rules.map(\.id) == [
            "CLK-01", "CLK-02", "CLK-03", "CLK-04", "CLK-05", "CLK-06", "CLK-07", "WEL-01", "WEL-02", "WEL-03", "SUP-01",
            "ESC-01", "SUP-03", "SEP-01", "OCC-01", "FLOW-01", "PROT-01", "REC-01", "ZONE-01", "EXIT-01", "DEV-01", "ENV-01",
            "FIRE-01", "VIT-01",
        ])
    }

    @Test func everyDefaultIsInsideItsRangeAndDurationsAreNamedByUnit() {
        for rule in RuleCatalogue.rules {
            for spec in rule.parameters {
                #expect((spec.minimum...spec.maximum).contains(spec.defaultValue), "\(rule.id).\(spec.name)")
                if case .duration = spec.kind {
                    let named = ["_hours", "_minutes", "_seconds"].contains { spec.name.hasSuffix($0) }
                    #expect(named, "\(rule.id).\(spec.name)")
                }
            }
        }
        #expect(RuleCatalogue.rule(id: "CLK-01")?.parameter(named: "limit_hours")?.defaultParameterValue == .seconds(43200))
        #expect(RuleCatalogue.rule(id: "SUP-01")?.parameter(named: "grace_seconds")?.defaultParameterValue == .seconds(30))
    }
}
