/// The result of one `apply`.
///
/// A rejected command changes nothing; its `effects` are only those that the passage of time up to
/// the command produced (exactly what a `.tick` at that time would have given).
public struct Outcome: Sendable, Hashable, Codable {
    public var effects: [Effect]
    public var rejection: Rejection?

    public init(effects: [Effect], rejection: Rejection? = nil) {
        self.effects = effects
        self.rejection = rejection
    }

    /// Whether the input was accepted.
    public var isAccepted: Bool { rejection == nil }
}

/// Why a command was refused, for the officer who gave it.
public struct Rejection: Sendable, Hashable, Codable, Error {
    public enum Reason: String, Sendable, Hashable, Codable {
        case unknownOfficer = "unknown_officer"
        case unknownPerson = "unknown_person"
        case unknownZone = "unknown_zone"
        case unknownTag = "unknown_tag"
        case duplicatePerson = "duplicate_person"
        case personReleased = "person_released"
        case tagInUse = "tag_in_use"
        case noWristband = "no_wristband"
        case checklistIncomplete = "checklist_incomplete"
        case extensionNotAllowed = "extension_not_allowed"
        case clockExpired = "clock_expired"
        case clockStartLater = "clock_start_later"
        case reasonRequired = "reason_required"
        case noSuchAlert = "no_such_alert"
        case notApplicable = "not_applicable"
    }

    public var reason: Reason
    public var message: String

    public init(_ reason: Reason, _ message: String) {
        self.reason = reason
        self.message = message
    }
}
