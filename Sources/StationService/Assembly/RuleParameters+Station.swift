public import CustodyCore
public import StationConfig

extension RuleParameters {
    /// The defaults of RULES.md with the station file's overrides applied, and the station's UTC offset.
    ///
    /// The alert ladder (`warn_min_minutes`, `warn2_minutes`, `critical_minutes`, `repeat_minutes`) is one
    /// ladder shared by every clock in the core; a clock's override of it applies to all of them, the
    /// last one in the file winning.
    public init(station: Station) {
        self.init()
        self.station = StationTime(utcOffsetMinutes: Int64(station.timeZone.utcOffsetSeconds / 60))
        for entry in station.rules.entries { apply(entry.rule, entry.parameter, entry.value) }
    }

    // One case per catalogue parameter (StationConfig's RuleCatalogue); the catalogue has already
    // checked names, units and ranges, so an unknown pair cannot reach here.
    private mutating func apply(_ rule: String, _ parameter: String, _ value: RuleParameterValue) {
        let span: TimeSpan = if case .seconds(let seconds) = value { .seconds(Int64(seconds)) } else { .zero }
        let count: Int = if case .count(let count) = value { count } else { 0 }
        let number: Double =
            switch value {
            case .number(let number): number
            case .count(let count): Double(count)
            case .seconds(let seconds): Double(seconds)
            case .flag: 0
            }
        let hour = Int64(count) * 60
        switch (rule, parameter) {
        case (_, "warn_min_minutes"): warnLeadMinimum = span
        case (_, "warn2_minutes"): warn2Lead = span
        case (_, "critical_minutes"): criticalLead = span
        case (_, "repeat_minutes"): alarmRepeat = span
        case ("CLK-01", "limit_hours"): summonsLimit = span
        case ("CLK-01", "extended_limit_hours"): summonsExtendedLimit = span
        case ("CLK-02", "limit_hours"): questioningLimit = span
        case ("CLK-02", "detention_possible_limit_hours"): questioningDetentionLimit = span
        case ("CLK-02", "tier_limit_hours"): questioningComplexLimit = span
        case ("CLK-02", "tier_enabled"): if case .flag(let on) = value { questioningComplexTierEnabled = on }
        case ("CLK-03", "limit_hours"): continuedQuestioningLimits[0] = span
        case ("CLK-03", "first_extension_hours"): continuedQuestioningLimits[1] = span
        case ("CLK-03", "second_extension_hours"): continuedQuestioningLimits[2] = span
        case ("CLK-04", "limit_hours"): vulnerableLimit = span
        case ("CLK-05", "limit_hours"): detentionDutyLimit = span
        case ("CLK-05", "warn_hours"): detentionDutyWarning = span
        case ("CLK-06", "warn_hours"): absoluteWarning = span
        case ("CLK-06", "limit_hours"): absoluteLimit = span
        case ("CLK-06", "extended_limit_hours"): absoluteExtendedLimit = span
        case ("CLK-07", "min_gap_hours"): chainedSummonsGap = span
        case ("WEL-01", "water_interval_hours"): waterInterval = span
        case ("WEL-01", "meal_gap_hours"): mealInterval = span
        case ("WEL-02", "max_questioning_minutes"): questioningContinuousLimit = span
        case ("WEL-02", "break_minutes"): questioningBreak = span
        case ("WEL-02", "night_from_hour"): noQuestioningWindow.startMinute = hour
        case ("WEL-02", "night_until_hour"): noQuestioningWindow.endMinute = hour
        case ("WEL-02", "rest_after_hours"): longHoldThreshold = span
        case ("WEL-02", "rest_hours"): restRequired = span
        case ("WEL-02", "min_rest_hours"): restMinimum = span
        case ("WEL-03", "bedding_after_hours"): beddingAfter = span
        case ("SUP-01", "min_officers"), ("ESC-01", "min_officers"): officersRequired = count
        case ("SUP-01", "grace_seconds"): supervisionGrace = span
        case ("ESC-01", "grace_seconds"): escortGrace = span
        case ("SUP-03", "watch_absence_seconds"): watchPostGrace = span
        case ("SUP-03", "round_interval_minutes"): roundInterval = span
        case ("SUP-03", "vulnerable_round_interval_minutes"): roundIntervalHighRisk = span
        case ("SEP-01", "co_suspect_seconds"): separationGrace = span
        case ("OCC-01", "default_capacity"): defaultHoldingCapacity = count
        case ("OCC-01", "area_per_person_m2"): areaPerPerson = number
        case ("REC-01", "max_gap_seconds"): recorderGrace = span
        case ("EXIT-01", "night_from_hour"): nightReleaseWindow.startMinute = hour
        case ("EXIT-01", "night_until_hour"): nightReleaseWindow.endMinute = hour
        case ("DEV-01", "tag_unseen_seconds"): tagUnseenGrace = span
        case ("DEV-01", "tag_battery_percent"): tagBatteryLowPercent = number
        case ("DEV-01", "held_open_seconds"): doorHeldOpenGrace = span
        case ("FIRE-01", "release_confirm_seconds"): fireReleaseConfirm = span
        case ("ENV-01", "temperature_warn_min_degc"): temperatureWarn = number...max(number, temperatureWarn.upperBound)
        case ("ENV-01", "temperature_warn_max_degc"): temperatureWarn = min(number, temperatureWarn.lowerBound)...number
        case ("ENV-01", "temperature_alarm_min_degc"): temperatureAlarm = number...max(number, temperatureAlarm.upperBound)
        case ("ENV-01", "temperature_alarm_max_degc"): temperatureAlarm = min(number, temperatureAlarm.lowerBound)...number
        case ("ENV-01", "humidity_warn_min_percent"): humidityWarn = number...max(number, humidityWarn.upperBound)
        case ("ENV-01", "humidity_warn_max_percent"): humidityWarn = min(number, humidityWarn.lowerBound)...number
        case ("ENV-01", "co2_warn_mean_ppm"): co2MeanWarn = number
        case ("ENV-01", "co2_mean_minutes"): co2MeanWindow = span
        case ("ENV-01", "co2_alarm_ppm"): co2Alarm = number
        case ("ENV-01", "co2_alarm_minutes"): co2AlarmGrace = span
        case ("VIT-01", "breathing_min_per_minute"): breathingNormal = number...max(number, breathingNormal.upperBound)
        case ("VIT-01", "breathing_max_per_minute"): breathingNormal = min(number, breathingNormal.lowerBound)...number
        case ("VIT-01", "pulse_min_per_minute"): pulseNormal = number...max(number, pulseNormal.upperBound)
        case ("VIT-01", "pulse_max_per_minute"): pulseNormal = min(number, pulseNormal.lowerBound)...number
        case ("VIT-01", "duration_seconds"): vitalGrace = span
        default:
            // DEV-01 offline_after_misses belongs to the field buses.
            break
        }
    }
}
