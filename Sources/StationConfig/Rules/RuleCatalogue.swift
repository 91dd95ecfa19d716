/// The rule ids of RULES.md and the parameters the station file may override, with their defaults.
///
/// Durations are named by their unit (`…_hours`, `…_minutes`, `…_seconds`); every clock rule also
/// takes the alert-ladder parameters (`ladder`).
public enum RuleCatalogue {
    /// One rule and its parameters.
    public struct Rule: Sendable, Hashable {
        /// As in RULES.md, e.g. `CLK-01`.
        public var id: String
        /// A short title.
        public var title: String
        /// What may be overridden.
        public var parameters: [RuleParameterSpec]

        /// The parameter called `name`, if the rule has one.
        public func parameter(named name: String) -> RuleParameterSpec? { parameters.first { $0.name == name } }
    }

    /// The alert ladder every clock shares: warn, warn2, critical, and the ALARM repeat.
    static let ladder: [RuleParameterSpec] = [
        .duration("warn_min_minutes", 60, 1...1440),
        .duration("warn2_minutes", 30, 1...1440),
        .duration("critical_minutes", 15, 1...1440),
        .duration("repeat_minutes", 15, 1...1440),
    ]

    static func clock(_ id: String, _ title: String, _ parameters: [RuleParameterSpec]) -> Rule {
        Rule(id: id, title: title, parameters: parameters + ladder)
    }

    /// Every rule, in RULES.md order.
    public static let rules: [Rule] = [
        clock("CLK-01", "criminal summons", [.duration("limit_hours", 12, 1...72), .duration("extended_limit_hours", 24, 1...72)]),
        clock("CLK-02", "administrative questioning", [
            .duration("limit_hours", 8, 1...72), .duration("detention_possible_limit_hours", 24, 1...72),
            .duration("tier_limit_hours", 12, 1...72), .flag("tier_enabled", true),
        ]),
        clock("CLK-03", "continued questioning", [
            .duration("limit_hours", 12, 1...72), .duration("first_extension_hours", 24, 1...72),
            .duration("second_extension_hours", 48, 1...72),
        ]),
        clock("CLK-04", "vulnerable person", [.duration("limit_hours", 4, 0.5...72)]),
        clock("CLK-05", "after a detention or arrest decision", [
            .duration("limit_hours", 24, 1...72), .duration("warn_hours", 20, 1...72),
        ]),
        clock("CLK-06", "absolute time in the area", [
            .duration("warn_hours", 20, 1...72), .duration("limit_hours", 24, 1...72),
            .duration("extended_limit_hours", 48, 1...72),
        ]),
        clock("CLK-07", "chained summons", [.duration("min_gap_hours", 12, 1...168)]),
        Rule(id: "WEL-01", title: "water and meals", parameters: [
            .duration("water_interval_hours", 2, 0.25...24), .duration("meal_gap_hours", 5, 1...24),
        ]),
        Rule(id: "WEL-02", title: "rest", parameters: [
            .duration("max_questioning_minutes", 120, 10...1440), .duration("break_minutes", 15, 1...240),
            .count("night_from_hour", 0, 0...23), .count("night_until_hour", 6, 0...23),
            .duration("rest_after_hours", 12, 1...72), .duration("rest_hours", 8, 1...24),
            .duration("min_rest_hours", 6, 1...24),
        ]),
        Rule(id: "WEL-03", title: "bedding", parameters: [.duration("bedding_after_hours", 12, 1...72)]),
        Rule(id: "SUP-01", title: "two officers at questioning", parameters: [
            .count("min_officers", 2, 1...10), .duration("grace_seconds", 30, 0...600),
        ]),
        Rule(id: "ESC-01", title: "two-officer escort", parameters: [
            .count("min_officers", 2, 1...10), .duration("grace_seconds", 10, 0...600),
        ]),
        Rule(id: "SUP-03", title: "never unattended", parameters: [
            .duration("watch_absence_seconds", 120, 0...3600), .duration("round_interval_minutes", 30, 1...240),
            .duration("vulnerable_round_interval_minutes", 15, 1...240),
        ]),
        Rule(id: "SEP-01", title: "separation", parameters: [.duration("co_suspect_seconds", 10, 0...600)]),
        Rule(id: "OCC-01", title: "occupancy", parameters: [
            .count("default_capacity", 1, 1...50), .number("area_per_person_m2", 6, 1...50),
        ]),
        Rule(id: "FLOW-01", title: "intake order", parameters: []),
        Rule(id: "PROT-01", title: "minors and women", parameters: []),
        Rule(id: "REC-01", title: "recording", parameters: [.duration("max_gap_seconds", 5, 0...600)]),
        Rule(id: "ZONE-01", title: "leaving the area", parameters: []),
        Rule(id: "EXIT-01", title: "release checklist", parameters: [
            .count("night_from_hour", 21, 0...23), .count("night_until_hour", 7, 0...23),
        ]),
        Rule(id: "DEV-01", title: "device integrity", parameters: [
            .duration("tag_unseen_seconds", 30, 1...3600), .number("tag_battery_percent", 20, 0...100),
            .duration("held_open_seconds", 30, 1...3600), .count("offline_after_misses", 3, 1...100),
        ]),
        Rule(id: "ENV-01", title: "climate and air", parameters: [
            .number("temperature_warn_min_degc", 16, -20...50), .number("temperature_warn_max_degc", 28, -20...50),
            .number("temperature_alarm_min_degc", 14, -20...50), .number("temperature_alarm_max_degc", 30, -20...50),
            .number("humidity_warn_min_percent", 30, 0...100), .number("humidity_warn_max_percent", 80, 0...100),
            .number("co2_warn_mean_ppm", 1000, 300...10000), .duration("co2_mean_minutes", 60, 1...1440),
            .number("co2_alarm_ppm", 1500, 300...10000), .duration("co2_alarm_minutes", 5, 1...1440),
        ]),
        Rule(id: "FIRE-01", title: "fire", parameters: [.duration("release_confirm_seconds", 2, 1...60)]),
        Rule(id: "VIT-01", title: "vital signs", parameters: [
            .number("breathing_min_per_minute", 10, 1...100), .number("breathing_max_per_minute", 30, 1...100),
            .number("pulse_min_per_minute", 40, 1...300), .number("pulse_max_per_minute", 140, 1...300),
            .duration("duration_seconds", 60, 1...3600),
        ]),
    ]

    /// The rule with `id`, if the catalogue has it.
    public static func rule(id: String) -> Rule? { rules.first { $0.id == id } }
}
