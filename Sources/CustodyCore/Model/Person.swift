/// A person brought into the area, as the core knows them. Read it through `CustodyEngine`'s queries;
/// only the engine changes it.
public struct Person: Sendable, Hashable, Codable {
    public internal(set) var registration: Registration
    /// Full years at the clock start (minor, under 16, 70 or older are judged on it).
    public internal(set) var age: Int
    public internal(set) var caseID: CaseID?
    public internal(set) var measure: LegalMeasure
    /// The custody clock start: the earliest of arrival, wristband issue and first door read.
    public internal(set) var clockStart: Timestamp
    /// When the current measure began; `nil` while it is the measure of arrival (its clock runs from `clockStart`).
    public internal(set) var measureSince: Timestamp?
    /// The current legal limit of the measure's clock, after approved extensions.
    public internal(set) var limit: TimeSpan?
    public internal(set) var tag: TagID?
    public internal(set) var zone: ZoneID?
    public internal(set) var zoneSince: Timestamp?
    public internal(set) var seenOnce = false
    public internal(set) var safetyChecked = false
    public internal(set) var healthChecked = false
    public internal(set) var belongingsListed = false
    public internal(set) var injuryNoted = false
    public internal(set) var lastWater: Timestamp?
    public internal(set) var lastMeal: Timestamp?
    public internal(set) var restSince: Timestamp?
    /// The longest completed rest so far (WEL-02).
    public internal(set) var longestRest = TimeSpan.zero
    public internal(set) var beddingLogged = false
    public internal(set) var firstHoldingEntry: Timestamp?
    public internal(set) var questioningSince: Timestamp?
    public internal(set) var lastLeftInterview: Timestamp?
    public internal(set) var guardianPresent = false
    /// Rules for which a reason permitting an exception was logged.
    public internal(set) var reasonsLogged: Set<RuleID> = []
    public internal(set) var outOfAreaApproved = false
    public internal(set) var detentionDecidedAt: Timestamp?
    public internal(set) var dutiesDone: Set<DetentionDuty> = []
    /// When this ID last left the area, if less than the chained-summons gap before arrival (CLK-07).
    public internal(set) var previousExit: Timestamp?
    public internal(set) var releasedAt: Timestamp?

    public var id: PersonID { registration.person }
    public var sex: Sex { registration.sex }
    public var role: PersonRole { registration.role }
    public var isReleased: Bool { releasedAt != nil }
    public var intakeComplete: Bool { safetyChecked && healthChecked && belongingsListed }

    init(registration: Registration, age: Int, clockStart: Timestamp) {
        self.registration = registration
        self.age = age
        self.caseID = registration.caseID
        self.measure = registration.measure
        self.clockStart = clockStart
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
