/// Every number the rules use, with the defaults of RULES.md. A station may override any of them.
public struct RuleParameters: Sendable, Hashable, Codable {
    /// Station offset from UTC for the time-of-day rules (Beijing: +8 h).
    public var station = StationTime(utcOffsetMinutes: 480)

    // Clocks.
    public var summonsLimit = TimeSpan.hours(12)
    public var summonsExtendedLimit = TimeSpan.hours(24)
    public var questioningLimit = TimeSpan.hours(8)
    public var questioningDetentionLimit = TimeSpan.hours(24)
    /// The PSAPL 2025 12 h tier (many people involved / identity unknown); switchable.
    public var questioningComplexLimit = TimeSpan.hours(12)
    public var questioningComplexTierEnabled = true
    public var continuedQuestioningLimits = [TimeSpan.hours(12), .hours(24), .hours(48)]
    public var vulnerableLimit = TimeSpan.hours(4)
    public var detentionDutyLimit = TimeSpan.hours(24)
    public var detentionDutyWarning = TimeSpan.hours(20)
    public var absoluteWarning = TimeSpan.hours(20)
    public var absoluteLimit = TimeSpan.hours(24)
    public var absoluteExtendedLimit = TimeSpan.hours(48)
    public var chainedSummonsGap = TimeSpan.hours(12)
    /// The ladder: warn at T − max(`warnLeadMinimum`, limit / `warnLeadDivisor`).
    public var warnLeadMinimum = TimeSpan.minutes(60)
    public var warnLeadDivisor: Int64 = 8
    public var warn2Lead = TimeSpan.minutes(30)
    public var criticalLead = TimeSpan.minutes(15)
    public var alarmRepeat = TimeSpan.minutes(15)
    public var minorAge = 18
    public var vulnerableChildAge = 16
    public var elderlyAge = 70

    // Welfare.
    public var waterInterval = TimeSpan.hours(2)
    public var mealInterval = TimeSpan.hours(5)
    public var mealWindows = [DailyWindow.hours(7, 9), .hours(11, 13), .hours(17, 19)]
    /// How long a welfare or round alert stays a warning before it becomes critical.
    public var welfareEscalation = TimeSpan.minutes(30)
    public var questioningContinuousLimit = TimeSpan.hours(2)
    public var questioningBreak = TimeSpan.minutes(15)
    public var noQuestioningWindow = DailyWindow.hours(0, 6)
    public var longHoldThreshold = TimeSpan.hours(12)
    public var restRequired = TimeSpan.hours(8)
    public var restMinimum = TimeSpan.hours(6)
    public var beddingAfter = TimeSpan.hours(12)

    // Supervision, escort, separation.
    public var supervisionGrace = TimeSpan.seconds(30)
    public var escortGrace = TimeSpan.seconds(10)
    public var separationGrace = TimeSpan.seconds(10)
    public var officersRequired = 2
    public var watchPostGrace = TimeSpan.seconds(120)
    public var roundInterval = TimeSpan.minutes(30)
    public var roundIntervalHighRisk = TimeSpan.minutes(15)
    public var defaultHoldingCapacity = 1
    public var areaPerPerson = 6.0

    // Process, devices, environment.
    public var recorderGrace = TimeSpan.seconds(5)
    public var nightReleaseWindow = DailyWindow.hours(21, 7)
    public var tagUnseenGrace = TimeSpan.seconds(30)
    public var tagBatteryLowPercent = 20.0
    public var doorHeldOpenGrace = TimeSpan.seconds(30)
    /// FIRE-01: how long after the fire starts a lock may still read locked before it is reported.
    public var fireReleaseConfirm = TimeSpan.seconds(2)
    public var temperatureWarn = 16.0...28.0
    public var temperatureAlarm = 14.0...30.0
    public var humidityWarn = 30.0...80.0
    public var co2MeanWindow = TimeSpan.hours(1)
    public var co2MeanWarn = 1_000.0
    public var co2Alarm = 1_500.0
    public var co2AlarmGrace = TimeSpan.minutes(5)
    public var breathingNormal = 10.0...30.0
    public var pulseNormal = 40.0...140.0
    public var vitalGrace = TimeSpan.seconds(60)

    /// The defaults of RULES.md.
    public static let defaults = RuleParameters()

    public init() {}
}
