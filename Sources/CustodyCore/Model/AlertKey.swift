/// The identity of an alert: which rule found what, about whom and where.
///
/// One open alert exists per key. `condition` tells apart the findings of one rule on one subject
/// (DEV-01's `strap_opened` and `tag_unseen`, WEL-01's `water` and `meal`).
public struct AlertKey: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var rule: RuleID
    public var condition: String {
        get { conditionText.rawValue }
        set { conditionText = ConditionText(newValue) }
    }
    /// `condition` in an identifier's form: no reference to count when a key is copied, and the
    /// text's hash cached.
    private var conditionText: ConditionText
    public var person: PersonID?
    public var zone: ZoneID?
    public var door: DoorID?
    public var tag: TagID?
    public var device: DeviceID?

    public init(
        _ rule: RuleID, _ condition: String, person: PersonID? = nil, zone: ZoneID? = nil, door: DoorID? = nil,
        tag: TagID? = nil, device: DeviceID? = nil
    ) {
        self.init(rule, ConditionText(condition), person: person, zone: zone, door: door, tag: tag, device: device)
    }

    /// A key whose condition is already in its identifier form (the engine's codes keep theirs).
    init(
        _ rule: RuleID, _ condition: ConditionText, person: PersonID? = nil, zone: ZoneID? = nil, door: DoorID? = nil,
        tag: TagID? = nil, device: DeviceID? = nil
    ) {
        self.rule = rule
        self.conditionText = condition
        self.person = person
        self.zone = zone
        self.door = door
        self.tag = tag
        self.device = device
    }

    /// Hashes the rule, the condition and the first subject only: cheap, and enough to spread keys
    /// (the conditions of one rule on one subject differ).
    public func hash(into hasher: inout Hasher) {
        hasher.combine(rule)
        hasher.combine(conditionText)
        if let person {
            hasher.combine(person)
        } else if let zone {
            hasher.combine(zone)
        } else if let door {
            hasher.combine(door)
        } else if let tag {
            hasher.combine(tag)
        } else {
            hasher.combine(device)
        }
    }

    /// The same fields as `hash(into:)`, mixed directly from their cached hashes (see `mixHash`).
    public func _rawHashValue(seed: Int) -> Int {
        let subject = person?.cachedHash ?? zone?.cachedHash ?? door?.cachedHash ?? tag?.cachedHash ?? device?.cachedHash ?? 0
        let shape = Int(rule.rank) &+ conditionText.cachedHash
        return mixHash(subject &+ mixHash(shape, seed: 0), seed: seed)
    }

    /// Every field equal; the subjects (whose identifiers compare by cached hash first) before the condition.
    public static func == (lhs: AlertKey, rhs: AlertKey) -> Bool {
        lhs.rule == rhs.rule && lhs.person == rhs.person && lhs.zone == rhs.zone && lhs.door == rhs.door
            && lhs.tag == rhs.tag && lhs.device == rhs.device && lhs.conditionText == rhs.conditionText
    }

    public static func < (lhs: AlertKey, rhs: AlertKey) -> Bool {
        if lhs.rule != rhs.rule { return lhs.rule < rhs.rule }
        if lhs.person != rhs.person { return (lhs.person?.rawValue ?? "") < (rhs.person?.rawValue ?? "") }
        if lhs.zone != rhs.zone { return (lhs.zone?.rawValue ?? "") < (rhs.zone?.rawValue ?? "") }
        if lhs.door != rhs.door { return (lhs.door?.rawValue ?? "") < (rhs.door?.rawValue ?? "") }
        if lhs.tag != rhs.tag { return (lhs.tag?.rawValue ?? "") < (rhs.tag?.rawValue ?? "") }
        if lhs.device != rhs.device { return (lhs.device?.rawValue ?? "") < (rhs.device?.rawValue ?? "") }
        return lhs.conditionText < rhs.conditionText
    }

    private enum CodingKeys: String, CodingKey {
        case rule, condition, person, zone, door, tag, device
    }

    // The coding of the stored fields as they were before `condition` took its identifier form.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            try container.decode(RuleID.self, forKey: .rule), try container.decode(String.self, forKey: .condition),
            person: try container.decodeIfPresent(PersonID.self, forKey: .person),
            zone: try container.decodeIfPresent(ZoneID.self, forKey: .zone),
            door: try container.decodeIfPresent(DoorID.self, forKey: .door),
            tag: try container.decodeIfPresent(TagID.self, forKey: .tag),
            device: try container.decodeIfPresent(DeviceID.self, forKey: .device))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(rule, forKey: .rule)
        try container.encode(condition, forKey: .condition)
        try container.encodeIfPresent(person, forKey: .person)
        try container.encodeIfPresent(zone, forKey: .zone)
        try container.encodeIfPresent(door, forKey: .door)
        try container.encodeIfPresent(tag, forKey: .tag)
        try container.encodeIfPresent(device, forKey: .device)
    }

    public var description: String {
        var parts = ["\(rule.rawValue)/\(condition)"]
        if let person { parts.append("person=\(person)") }
        if let zone { parts.append("zone=\(zone)") }
        if let door { parts.append("door=\(door)") }
        if let tag { parts.append("tag=\(tag)") }
        if let device { parts.append("device=\(device)") }
        return parts.joined(separator: " ")
    }
}
