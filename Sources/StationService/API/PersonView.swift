public import CustodyCore

/// A person in custody as the supervisors' screen shows them, live from the engine: where they are,
/// how far intake got, and every running clock with the time to its next step.
public struct PersonView: Sendable, Hashable, Codable {
    /// One running clock; `remaining_ms` and `until_next_step_ms` are measured to the time of the request.
    public struct Clock: Sendable, Hashable, Codable {
        public var rule: String
        public var condition: String
        public var start: Int64
        public var end: Int64
        public var level: AlertLevel?
        public var remainingMs: Int64
        public var nextStep: Int64?
        public var untilNextStepMs: Int64?

        init(_ clock: ClockStatus, now: Timestamp) {
            rule = clock.rule.rawValue
            condition = clock.condition
            start = clock.start.milliseconds
            end = clock.end.milliseconds
            level = clock.level
            remainingMs = (clock.end - now).milliseconds
            nextStep = clock.nextStep?.milliseconds
            untilNextStepMs = clock.nextStep.map { ($0 - now).milliseconds }
        }
    }

    public var id: String
    public var role: PersonRole
    public var sex: Sex
    public var age: Int
    public var caseID: String?
    public var measure: LegalMeasure
    public var idLast4: String?
    public var tag: String?
    public var zone: String?
    public var zoneSince: Int64?
    public var clockStart: Int64
    public var safetyChecked: Bool
    public var healthChecked: Bool
    public var belongingsListed: Bool
    public var released: Bool
    public var clocks: [Clock]

    public init(_ person: Person, clocks: [ClockStatus], now: Timestamp) {
        id = person.id.rawValue
        role = person.role
        sex = person.sex
        age = person.age
        caseID = person.caseID?.rawValue
        measure = person.measure
        idLast4 = person.registration.idLast4
        tag = person.tag?.rawValue
        zone = person.zone?.rawValue
        zoneSince = person.zoneSince?.milliseconds
        clockStart = person.clockStart.milliseconds
        safetyChecked = person.safetyChecked
        healthChecked = person.healthChecked
        belongingsListed = person.belongingsListed
        released = person.isReleased
        self.clocks = clocks.sorted { $0.end < $1.end }.map { Clock($0, now: now) }
    }

    /// Reads every person in custody from the engine; times left are measured to `now`.
    static func all(in engine: CustodyEngine, now: Timestamp) -> [PersonView] {
        engine.peopleInCustody.map { PersonView($0, clocks: engine.clocks(for: $0.id), now: now) }
    }
}
