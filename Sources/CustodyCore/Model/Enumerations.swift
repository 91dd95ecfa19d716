/// A person's or officer's sex, as the separation and protection rules need it.
public enum Sex: String, Sendable, Hashable, Codable, CaseIterable {
    case male
    case female
}

/// Why a person is in the area.
public enum PersonRole: String, Sendable, Hashable, Codable, CaseIterable {
    case suspect
    case witness
    case victim
}

/// What a zone is for; the rules depend on it.
public enum ZoneKind: String, Sendable, Hashable, Codable, CaseIterable {
    case entrance
    case safetyCheck = "safety_check"
    case infoCollection = "info_collection"
    case holding
    case interview
    case locker
    case corridor
    case exit
    case dutyPost = "duty_post"

    /// Rooms a person may enter only after the intake steps (FLOW-01).
    public var requiresIntake: Bool { self == .holding || self == .interview }
}

/// The level of an alert. Levels only rise while an alert is open.
public enum AlertLevel: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case warn
    case warn2
    case critical
    case alarm

    private var rank: Int {
        switch self {
        case .warn: 0
        case .warn2: 1
        case .critical: 2
        case .alarm: 3
        }
    }

    public static func < (lhs: AlertLevel, rhs: AlertLevel) -> Bool { lhs.rank < rhs.rank }
}

/// How a person answered a welfare offer (WEL-01): every offer is logged, whatever the answer.
public enum WelfareResponse: String, Sendable, Hashable, Codable, CaseIterable {
    case offered
    case accepted
    case refused
}

/// A welfare event an officer logs.
public enum WelfareKind: String, Sendable, Hashable, Codable, CaseIterable {
    case water
    case meal
    case restStart = "rest_start"
    case restEnd = "rest_end"
    case bedding
}

/// A measured quantity from a zone's sensor.
public enum Quantity: String, Sendable, Hashable, Codable, CaseIterable {
    /// Air temperature, °C.
    case temperature
    /// Relative humidity, %.
    case humidity
    /// CO₂ concentration, ppm.
    case co2
    /// Breathing rate, breaths per minute (vital-sign sensor).
    case breathing
    /// Pulse, beats per minute (vital-sign sensor).
    case pulse

    /// Hashes the case, not the text of its raw value: sensor readings are stored by quantity.
    public func hash(into hasher: inout Hasher) {
        let ordinal: UInt8 =
            switch self {
            case .temperature: 0
            case .humidity: 1
            case .co2: 2
            case .breathing: 3
            case .pulse: 4
            }
        hasher.combine(ordinal)
    }
}

/// The three duties after a criminal detention or arrest decision (CLK-05), each due within 24 h.
public enum DetentionDuty: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case transfer
    case firstInterrogation = "first_interrogation"
    case familyNotice = "family_notice"

    public static func < (lhs: DetentionDuty, rhs: DetentionDuty) -> Bool { lhs.rawValue < rhs.rawValue }
}
