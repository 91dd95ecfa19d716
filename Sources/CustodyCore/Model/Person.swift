/// A person brought into the area, as the core knows them. Read it through `CustodyEngine`'s queries;
/// only the engine changes it.
///
/// A value type whose fields live in one shared, copy-on-write box: the engine reads a person for
/// every evaluation, and a copy is then one retain instead of every field. A change made through one
/// copy is never seen through another (the box is copied first when it is shared).
public struct Person: Sendable, Hashable, Codable, CustomReflectable {
    private var storage: PersonStorage

    /// All the fields, made this value's own before they are changed.
    private var fields: PersonFields {
        _read { yield storage.fields }
        _modify {
            if !isKnownUniquelyReferenced(&storage) { storage = PersonStorage(storage.fields) }
            yield &storage.fields
        }
    }

    public internal(set) var registration: Registration {
        _read { yield storage.fields.registration }
        _modify { yield &fields.registration }
    }
    /// Full years at the clock start (minor, under 16, 70 or older are judged on it).
    public internal(set) var age: Int {
        _read { yield storage.fields.age }
        _modify { yield &fields.age }
    }
    public internal(set) var caseID: CaseID? {
        _read { yield storage.fields.caseID }
        _modify { yield &fields.caseID }
    }
    public internal(set) var measure: LegalMeasure {
        _read { yield storage.fields.measure }
        _modify { yield &fields.measure }
    }
    /// The custody clock start: the earliest of arrival, wristband issue and first door read.
    public internal(set) var clockStart: Timestamp {
        _read { yield storage.fields.clockStart }
        _modify { yield &fields.clockStart }
    }
    /// When the current measure began; `nil` while it is the measure of arrival (its clock runs from `clockStart`).
    public internal(set) var measureSince: Timestamp? {
        _read { yield storage.fields.measureSince }
        _modify { yield &fields.measureSince }
    }
    /// The current legal limit of the measure's clock, after approved extensions.
    public internal(set) var limit: TimeSpan? {
        _read { yield storage.fields.limit }
        _modify { yield &fields.limit }
    }
    public internal(set) var tag: TagID? {
        _read { yield storage.fields.tag }
        _modify { yield &fields.tag }
    }
    public internal(set) var zone: ZoneID? {
        _read { yield storage.fields.zone }
        _modify { yield &fields.zone }
    }
    public internal(set) var zoneSince: Timestamp? {
        _read { yield storage.fields.zoneSince }
        _modify { yield &fields.zoneSince }
    }
    public internal(set) var seenOnce: Bool {
        _read { yield storage.fields.seenOnce }
        _modify { yield &fields.seenOnce }
    }
    public internal(set) var safetyChecked: Bool {
        _read { yield storage.fields.safetyChecked }
        _modify { yield &fields.safetyChecked }
    }
    public internal(set) var healthChecked: Bool {
        _read { yield storage.fields.healthChecked }
        _modify { yield &fields.healthChecked }
    }
    public internal(set) var belongingsListed: Bool {
        _read { yield storage.fields.belongingsListed }
        _modify { yield &fields.belongingsListed }
    }
    public internal(set) var injuryNoted: Bool {
        _read { yield storage.fields.injuryNoted }
        _modify { yield &fields.injuryNoted }
    }
    public internal(set) var lastWater: Timestamp? {
        _read { yield storage.fields.lastWater }
        _modify { yield &fields.lastWater }
    }
    public internal(set) var lastMeal: Timestamp? {
        _read { yield storage.fields.lastMeal }
        _modify { yield &fields.lastMeal }
    }
    public internal(set) var restSince: Timestamp? {
        _read { yield storage.fields.restSince }
        _modify { yield &fields.restSince }
    }
    /// The longest completed rest so far (WEL-02).
    public internal(set) var longestRest: TimeSpan {
        _read { yield storage.fields.longestRest }
        _modify { yield &fields.longestRest }
    }
    public internal(set) var beddingLogged: Bool {
        _read { yield storage.fields.beddingLogged }
        _modify { yield &fields.beddingLogged }
    }
    public internal(set) var firstHoldingEntry: Timestamp? {
        _read { yield storage.fields.firstHoldingEntry }
        _modify { yield &fields.firstHoldingEntry }
    }
    public internal(set) var questioningSince: Timestamp? {
        _read { yield storage.fields.questioningSince }
        _modify { yield &fields.questioningSince }
    }
    public internal(set) var lastLeftInterview: Timestamp? {
        _read { yield storage.fields.lastLeftInterview }
        _modify { yield &fields.lastLeftInterview }
    }
    public internal(set) var guardianPresent: Bool {
        _read { yield storage.fields.guardianPresent }
        _modify { yield &fields.guardianPresent }
    }
    /// Rules for which a reason permitting an exception was logged.
    public internal(set) var reasonsLogged: Set<RuleID> {
        _read { yield storage.fields.reasonsLogged }
        _modify { yield &fields.reasonsLogged }
    }
    public internal(set) var outOfAreaApproved: Bool {
        _read { yield storage.fields.outOfAreaApproved }
        _modify { yield &fields.outOfAreaApproved }
    }
    public internal(set) var detentionDecidedAt: Timestamp? {
        _read { yield storage.fields.detentionDecidedAt }
        _modify { yield &fields.detentionDecidedAt }
    }
    public internal(set) var dutiesDone: Set<DetentionDuty> {
        _read { yield storage.fields.dutiesDone }
        _modify { yield &fields.dutiesDone }
    }
    /// When this ID last left the area, if less than the chained-summons gap before arrival (CLK-07).
    public internal(set) var previousExit: Timestamp? {
        _read { yield storage.fields.previousExit }
        _modify { yield &fields.previousExit }
    }
    public internal(set) var releasedAt: Timestamp? {
        _read { yield storage.fields.releasedAt }
        _modify { yield &fields.releasedAt }
    }

    public var id: PersonID { registration.person }
    public var sex: Sex { registration.sex }
    public var role: PersonRole { registration.role }
    public var isReleased: Bool { releasedAt != nil }
    public var intakeComplete: Bool { safetyChecked && healthChecked && belongingsListed }

    init(registration: Registration, age: Int, clockStart: Timestamp) {
        storage = PersonStorage(PersonFields(registration: registration, age: age, clockStart: clockStart))
    }

    public init(from decoder: any Decoder) throws {
        storage = PersonStorage(try PersonFields(from: decoder))
    }

    public func encode(to encoder: any Encoder) throws {
        try storage.fields.encode(to: encoder)
    }

    public static func == (lhs: Person, rhs: Person) -> Bool {
        lhs.storage === rhs.storage || lhs.storage.fields == rhs.storage.fields
    }

    public func hash(into hasher: inout Hasher) {
        storage.fields.hash(into: &hasher)
    }

    /// The fields, as a person's mirror showed them when they were stored in the person itself: in
    /// the order of its JSON, not the order the box stores them.
    public var customMirror: Mirror {
        let rank = Dictionary(
            uniqueKeysWithValues: PersonFields.CodingKeys.allCases.enumerated().map { ($1.stringValue, $0) })
        let children = Mirror(reflecting: storage.fields).children
            .sorted { rank[$0.label ?? ""] ?? .max < rank[$1.label ?? ""] ?? .max }
        return Mirror(self, children: children, displayStyle: .struct)
    }

    /// Whether CLK-04's 4 h limit applies: pregnant, nursing, under 16 or 70 and older.
    func isVulnerable(_ parameters: RuleParameters) -> Bool {
        registration.pregnant || registration.nursing || age < parameters.vulnerableChildAge
            || age >= parameters.elderlyAge
    }

    func isMinor(_ parameters: RuleParameters) -> Bool { age < parameters.minorAge }

    /// Whether rounds must come every 15 min (SUP-03).
    func isHighRisk(_ parameters: RuleParameters) -> Bool {
        registration.intoxicated || registration.atRisk || isMinor(parameters)
    }

    /// The start of the legal measure's clock.
    var measureStart: Timestamp { measureSince ?? clockStart }
}
