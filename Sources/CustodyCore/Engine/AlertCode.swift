/// Every (rule, condition) pair the rules can raise, numbered so that one bit of a `UInt64` stands
/// for it in the alert masks of the target whose evaluation owns it (see `TargetState`).
///
/// A rule that finds nothing about its subject asks the target's mask instead of building an
/// `AlertKey` and probing the alert table: the key is built only when the mask says an alert or a
/// pending condition exists, or when a new one is raised.
enum AlertCode: UInt8, CaseIterable, Sendable {
    case clk01Limit, clk02Limit, clk03Limit
    case clk04Limit, clk04Holding
    case clk05Transfer, clk05FirstInterrogation, clk05FamilyNotice
    case clk06Absolute, clk07Chained
    case wel01Water, wel01Meal
    case wel02ContinuousQuestioning, wel02NightQuestioning, wel02Rest
    case wel03Bedding, esc01Escort, prot01Guardian, prot01FemaleOfficer, zone01LeftArea
    case flow01IntakeIncomplete, flow01InjuryReport
    case sup01Officers, rec01Recorder
    case sep01CoSuspects, sep01MixedSex, sep01MinorWithAdult
    case occ01Capacity, sup03WatchPost, sup03Round
    case fire01Fire
    case dev01DoorForced, dev01DoorHeldOpen, fire01LockNotReleased
    case dev01StrapOpened, dev01TagUnseen, dev01TagBattery
    case dev01DeviceOffline
    case env01Temperature, env01Humidity, env01Co2Mean, env01Co2High
    case vit01Breathing, vit01Pulse

    /// `condition` in the form an `AlertKey` holds it, built once per code.
    var conditionText: ConditionText { Self.conditionTexts[Int(rawValue)] }

    private static let conditionTexts = allCases.map { ConditionText($0.condition) }

    /// This code's bit in a mask.
    var bit: UInt64 { 1 &<< UInt64(rawValue) }

    /// Whether one target may hold several keys of this code (a zone's rules about each of its sensors).
    var isPerDevice: Bool {
        switch self {
        case .env01Temperature, .env01Humidity, .env01Co2Mean, .env01Co2High, .vit01Breathing, .vit01Pulse: true
        default: false
        }
    }

    /// The rule of the keys of this code.
    var rule: RuleID {
        switch self {
        case .clk01Limit: .clk01
        case .clk02Limit: .clk02
        case .clk03Limit: .clk03
        case .clk04Limit, .clk04Holding: .clk04
        case .clk05Transfer, .clk05FirstInterrogation, .clk05FamilyNotice: .clk05
        case .clk06Absolute: .clk06
        case .clk07Chained: .clk07
        case .wel01Water, .wel01Meal: .wel01
        case .wel02ContinuousQuestioning, .wel02NightQuestioning, .wel02Rest: .wel02
        case .wel03Bedding: .wel03
        case .esc01Escort: .esc01
        case .prot01Guardian, .prot01FemaleOfficer: .prot01
        case .zone01LeftArea: .zone01
        case .flow01IntakeIncomplete, .flow01InjuryReport: .flow01
        case .sup01Officers: .sup01
        case .rec01Recorder: .rec01
        case .sep01CoSuspects, .sep01MixedSex, .sep01MinorWithAdult: .sep01
        case .occ01Capacity: .occ01
        case .sup03WatchPost, .sup03Round: .sup03
        case .fire01Fire, .fire01LockNotReleased: .fire01
        case .dev01DoorForced, .dev01DoorHeldOpen, .dev01StrapOpened, .dev01TagUnseen, .dev01TagBattery,
            .dev01DeviceOffline:
            .dev01
        case .env01Temperature, .env01Humidity, .env01Co2Mean, .env01Co2High: .env01
        case .vit01Breathing, .vit01Pulse: .vit01
        }
    }

    /// The condition text of the keys of this code.
    var condition: String {
        switch self {
        case .clk01Limit, .clk02Limit, .clk03Limit, .clk04Limit: "limit"
        case .clk04Holding: "holding"
        case .clk05Transfer: DetentionDuty.transfer.rawValue
        case .clk05FirstInterrogation: DetentionDuty.firstInterrogation.rawValue
        case .clk05FamilyNotice: DetentionDuty.familyNotice.rawValue
        case .clk06Absolute: "absolute"
        case .clk07Chained: "chained"
        case .wel01Water: "water"
        case .wel01Meal: "meal"
        case .wel02ContinuousQuestioning: "continuous_questioning"
        case .wel02NightQuestioning: "night_questioning"
        case .wel02Rest: "rest"
        case .wel03Bedding: "bedding"
        case .esc01Escort: "escort"
        case .prot01Guardian: "guardian"
        case .prot01FemaleOfficer: "female_officer"
        case .zone01LeftArea: "left_area"
        case .flow01IntakeIncomplete: "intake_incomplete"
        case .flow01InjuryReport: "injury_report"
        case .sup01Officers: "officers"
        case .rec01Recorder: "recorder"
        case .sep01CoSuspects: "co_suspects"
        case .sep01MixedSex: "mixed_sex"
        case .sep01MinorWithAdult: "minor_with_adult"
        case .occ01Capacity: "capacity"
        case .sup03WatchPost: "watch_post"
        case .sup03Round: "round"
        case .fire01Fire: "fire"
        case .dev01DoorForced: "door_forced"
        case .dev01DoorHeldOpen: "door_held_open"
        case .fire01LockNotReleased: "lock_not_released"
        case .dev01StrapOpened: "strap_opened"
        case .dev01TagUnseen: "tag_unseen"
        case .dev01TagBattery: "tag_battery"
        case .dev01DeviceOffline: "device_offline"
        case .env01Temperature: Quantity.temperature.rawValue
        case .env01Humidity: Quantity.humidity.rawValue
        case .env01Co2Mean: "co2_mean"
        case .env01Co2High: "co2_high"
        case .vit01Breathing: Quantity.breathing.rawValue
        case .vit01Pulse: Quantity.pulse.rawValue
        }
    }

    /// The code of a measure's clock rule (CLK-01…03).
    static func measureClock(_ rule: RuleID) -> AlertCode {
        switch rule {
        case .clk01: .clk01Limit
        case .clk02: .clk02Limit
        default: .clk03Limit
        }
    }

    /// The code of a detention duty (CLK-05).
    static func duty(_ duty: DetentionDuty) -> AlertCode {
        switch duty {
        case .transfer: .clk05Transfer
        case .firstInterrogation: .clk05FirstInterrogation
        case .familyNotice: .clk05FamilyNotice
        }
    }

    /// The code of a vital sign (VIT-01).
    static func vital(_ quantity: Quantity) -> AlertCode {
        quantity == .breathing ? .vit01Breathing : .vit01Pulse
    }
}
