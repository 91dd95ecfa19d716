/// The stored fields of a `Person`, as one value: what `Person` shares between its copies.
///
/// Its synthesized `Hashable` and `Codable` are `Person`'s: the same fields in the same order under
/// the same names, so a person's JSON and equality are what they were when these fields were
/// `Person`'s own.
struct PersonFields: Sendable, Hashable, Codable {
    var registration: Registration
    var age: Int
    var caseID: CaseID?
    var measure: LegalMeasure
    var clockStart: Timestamp
    var measureSince: Timestamp?
    var limit: TimeSpan?
    var tag: TagID?
    var zone: ZoneID?
    var zoneSince: Timestamp?
    var seenOnce = false
    var safetyChecked = false
    var healthChecked = false
    var belongingsListed = false
    var injuryNoted = false
    var lastWater: Timestamp?
    var lastMeal: Timestamp?
    var restSince: Timestamp?
    var longestRest = TimeSpan.zero
    var beddingLogged = false
    var firstHoldingEntry: Timestamp?
    var questioningSince: Timestamp?
    var lastLeftInterview: Timestamp?
    var guardianPresent = false
    var reasonsLogged: Set<RuleID> = []
    var outOfAreaApproved = false
    var detentionDecidedAt: Timestamp?
    var dutiesDone: Set<DetentionDuty> = []
    var previousExit: Timestamp?
    var releasedAt: Timestamp?

    init(registration: Registration, age: Int, clockStart: Timestamp) {
        self.registration = registration
        self.age = age
        self.caseID = registration.caseID
        self.measure = registration.measure
        self.clockStart = clockStart
    }
}

/// The heap box behind a `Person`: copying a person copies a reference to it (one retain) instead
/// of every field (a few hundred bytes and a retain per string and set).
///
/// `@unchecked Sendable`: a box is changed only through `Person`'s mutating accessors, which first
/// give the person a box of its own when the box is shared, so a box reachable from more than one
/// value — and so from more than one thread — is never changed.
final class PersonStorage: @unchecked Sendable {
    /// Unchecked at run time: an access to a box is an access to the one `Person` that owns it, which
    /// the compiler already checks, and a run-time check cost more than the rest of most reads.
    @exclusivity(unchecked) var fields: PersonFields

    init(_ fields: PersonFields) {
        self.fields = fields
    }
}
