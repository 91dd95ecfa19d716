/// The identity of an alert: which rule found what, about whom and where.
///
/// One open alert exists per key. `condition` tells apart the findings of one rule on one subject
/// (DEV-01's `strap_opened` and `tag_unseen`, WEL-01's `water` and `meal`).
public struct AlertKey: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var rule: RuleID
    public var condition: String
    public var person: PersonID?
    public var zone: ZoneID?
    public var door: DoorID?
    public var tag: TagID?
    public var device: DeviceID?

    public init(
        _ rule: RuleID, _ condition: String, person: PersonID? = nil, zone: ZoneID? = nil, door: DoorID? = nil,
        tag: TagID? = nil, device: DeviceID? = nil
    ) {
        self.rule = rule
        self.condition = condition
        self.person = person
        self.zone = zone
        self.door = door
        self.tag = tag
        self.device = device
    }

    /// Hashes the rule, the condition's length and last byte, and the first subject only: cheap, and
    /// enough to spread keys (the conditions of one rule on one subject differ in one or the other).
    public func hash(into hasher: inout Hasher) {
        hasher.combine(rule)
        let utf8 = condition.utf8
        hasher.combine(utf8.count &<< 8 | Int(utf8.last ?? 0))
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

    /// The same fields as `hash(into:)`, mixed directly (see `mixHash`).
    public func _rawHashValue(seed: Int) -> Int {
        let utf8 = condition.utf8
        let subject = person?.cachedHash ?? zone?.cachedHash ?? door?.cachedHash ?? tag?.cachedHash ?? device?.cachedHash ?? 0
        let shape = Int(rule.rank) &<< 24 | (utf8.count &<< 8 | Int(utf8.last ?? 0))
        return mixHash(subject &+ mixHash(shape, seed: 0), seed: seed)
    }

    /// Every field equal; the subjects (whose identifiers compare by cached hash first) before the condition text.
    public static func == (lhs: AlertKey, rhs: AlertKey) -> Bool {
        lhs.rule == rhs.rule && lhs.person == rhs.person && lhs.zone == rhs.zone && lhs.door == rhs.door
            && lhs.tag == rhs.tag && lhs.device == rhs.device && lhs.condition == rhs.condition
    }

    public static func < (lhs: AlertKey, rhs: AlertKey) -> Bool {
        if lhs.rule != rhs.rule { return lhs.rule < rhs.rule }
        if lhs.person != rhs.person { return (lhs.person?.rawValue ?? "") < (rhs.person?.rawValue ?? "") }
        if lhs.zone != rhs.zone { return (lhs.zone?.rawValue ?? "") < (rhs.zone?.rawValue ?? "") }
        if lhs.door != rhs.door { return (lhs.door?.rawValue ?? "") < (rhs.door?.rawValue ?? "") }
        if lhs.tag != rhs.tag { return (lhs.tag?.rawValue ?? "") < (rhs.tag?.rawValue ?? "") }
        if lhs.device != rhs.device { return (lhs.device?.rawValue ?? "") < (rhs.device?.rawValue ?? "") }
        return lhs.condition < rhs.condition
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
