/// The stored fields of a `Person`, as one value: what `Person` shares between its copies.
///
/// The fields are stored hot first: the clocks, flags and place that nearly every evaluation reads
/// come first, so that at thousands of people an evaluation misses the cache on as few lines of the
/// box as it can. The registration's few hot fields (role, sex, the vulnerability flags) open it;
/// its identifiers and hashes, read only for messages and release, and the case and tag come last.
///
/// A person's JSON and equality are what they were when these fields were `Person`'s own (the same
/// names), and a printed person lists them in the order it always did (the coding keys' order).
struct PersonFields: Sendable, Hashable, Codable {
    var clockStart: Timestamp
    var longestRest = TimeSpan.zero
    var age: Int
    var zone: ZoneID?
    var measureSince: Timestamp?
    // Single bytes after a 9-byte optional fill its padding.
    var seenOnce = false
    var safetyChecked = false
    var healthChecked = false
    var belongingsListed = false
    var injuryNoted = false
    var beddingLogged = false
    var guardianPresent = false
    var limit: TimeSpan?
    var measure: LegalMeasure
    var outOfAreaApproved = false
    var zoneSince: Timestamp?
    var lastWater: Timestamp?
    var lastMeal: Timestamp?
    var restSince: Timestamp?
    var firstHoldingEntry: Timestamp?
    var questioningSince: Timestamp?
    var lastLeftInterview: Timestamp?
    var reasonsLogged: Set<RuleID> = []
    var detentionDecidedAt: Timestamp?
    var dutiesDone: Set<DetentionDuty> = []
    var previousExit: Timestamp?
    var releasedAt: Timestamp?
    var registration: Registration
    var caseID: CaseID?
    var tag: TagID?

    init(registration: Registration, age: Int, clockStart: Timestamp) {
        self.registration = registration
        self.age = age
        self.caseID = registration.caseID
        self.measure = registration.measure
        self.clockStart = clockStart
    }

    /// The fields' names, in the order a printed person lists them.
    enum CodingKeys: String, CodingKey, CaseIterable {
        case registration, age, caseID, measure, clockStart, measureSince, limit, tag, zone, zoneSince
        case seenOnce, safetyChecked, healthChecked, belongingsListed, injuryNoted, lastWater, lastMeal
        case restSince, longestRest, beddingLogged, firstHoldingEntry, questioningSince, lastLeftInterview
        case guardianPresent, reasonsLogged, outOfAreaApproved, detentionDecidedAt, dutiesDone, previousExit
        case releasedAt
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
