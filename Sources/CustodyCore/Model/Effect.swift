/// What the core decided. The shell carries effects out in the order given; within one `apply`
/// the order is deterministic (fire release first, then deadlines in time order, then the input's
/// consequences sorted by subject and rule).
public enum Effect: Sendable, Hashable, Codable {
    /// A new alert.
    case raiseAlert(Alert)
    /// An open alert reached a higher level.
    case escalateAlert(Alert)
    /// An unresolved alarm, announced again (every 15 min for clocks).
    case repeatAlert(Alert)
    /// The fact behind an alert resolved; the alert as it was when cleared.
    case clearAlert(Alert)
    /// A named officer acknowledged an alert; it stays open.
    case acknowledgeAlert(Alert)
    /// A command for a door lock.
    case door(DoorCommand)
    /// Wristbands per zone for the muster point (FIRE-01), sorted by zone.
    case headCount([ZoneCount])

    private enum CodingKeys: String, CodingKey {
        case raiseAlert = "raise_alert"
        case escalateAlert = "escalate_alert"
        case repeatAlert = "repeat_alert"
        case clearAlert = "clear_alert"
        case acknowledgeAlert = "acknowledge_alert"
        case door
        case headCount = "head_count"
    }

    /// Encodes as one key naming the effect, holding its payload: `{"raise_alert": {…alert…}}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .raiseAlert(let alert): try container.encode(alert, forKey: .raiseAlert)
        case .escalateAlert(let alert): try container.encode(alert, forKey: .escalateAlert)
        case .repeatAlert(let alert): try container.encode(alert, forKey: .repeatAlert)
        case .clearAlert(let alert): try container.encode(alert, forKey: .clearAlert)
        case .acknowledgeAlert(let alert): try container.encode(alert, forKey: .acknowledgeAlert)
        case .door(let command): try container.encode(command, forKey: .door)
        case .headCount(let counts): try container.encode(counts, forKey: .headCount)
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        guard let key = container.allKeys.first, container.allKeys.count == 1 else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "expected exactly one effect key"))
        }
        switch key {
        case .raiseAlert: self = .raiseAlert(try container.decode(Alert.self, forKey: key))
        case .escalateAlert: self = .escalateAlert(try container.decode(Alert.self, forKey: key))
        case .repeatAlert: self = .repeatAlert(try container.decode(Alert.self, forKey: key))
        case .clearAlert: self = .clearAlert(try container.decode(Alert.self, forKey: key))
        case .acknowledgeAlert: self = .acknowledgeAlert(try container.decode(Alert.self, forKey: key))
        case .door: self = .door(try container.decode(DoorCommand.self, forKey: key))
        case .headCount: self = .headCount(try container.decode([ZoneCount].self, forKey: key))
        }
    }

    /// The alert this effect is about, if it is about one.
    public var alert: Alert? {
        switch self {
        case .raiseAlert(let alert), .escalateAlert(let alert), .repeatAlert(let alert), .clearAlert(let alert),
            .acknowledgeAlert(let alert):
            alert
        case .door, .headCount:
            nil
        }
    }
}

/// A lock command.
public enum DoorCommand: Sendable, Hashable, Codable {
    /// Keep this door locked: someone beyond it has not completed intake (FLOW-01).
    case keepLocked(door: DoorID, reason: String)
    /// Unlock this door for a named, authorised officer.
    case unlock(door: DoorID, officer: OfficerID)
    /// Release every lock the daemon controls (fire).
    case releaseAll

    enum CodingKeys: String, CodingKey {
        case keepLocked = "keep_locked"
        case unlock
        case releaseAll = "release_all"
    }
}

/// The number of wristbands in one zone; `zone == nil` counts wristbands whose zone is unknown.
public struct ZoneCount: Sendable, Hashable, Codable {
    public var zone: ZoneID?
    public var count: Int

    public init(zone: ZoneID?, count: Int) {
        self.zone = zone
        self.count = count
    }
}
