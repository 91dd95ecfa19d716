/// Who arrived, as the registering officer recorded it.
public struct Registration: Sendable, Hashable, Codable {
    public var person: PersonID
    public var role: PersonRole
    public var sex: Sex
    public var birthDate: CalendarDate
    public var pregnant: Bool
    /// Nursing a child under one year.
    public var nursing: Bool
    public var intoxicated: Bool
    /// Assessed at risk (self-harm, medical); rounds every 15 min.
    public var atRisk: Bool
    public var caseID: CaseID?
    public var measure: LegalMeasure
    /// Keyed hash of the national ID number, computed by the shell (CLK-07); never the number.
    public var idHash: String?
    /// The last four digits of the ID number, for display.
    public var idLast4: String?
    /// The recorded arrival time, if earlier than the registration.
    public var arrival: Timestamp?

    public init(
        person: PersonID, role: PersonRole, sex: Sex, birthDate: CalendarDate, pregnant: Bool = false,
        nursing: Bool = false, intoxicated: Bool = false, atRisk: Bool = false, caseID: CaseID? = nil,
        measure: LegalMeasure = .none, idHash: String? = nil, idLast4: String? = nil, arrival: Timestamp? = nil
    ) {
        self.person = person
        self.role = role
        self.sex = sex
        self.birthDate = birthDate
        self.pregnant = pregnant
        self.nursing = nursing
        self.intoxicated = intoxicated
        self.atRisk = atRisk
        self.caseID = caseID
        self.measure = measure
        self.idHash = idHash
        self.idLast4 = idLast4
        self.arrival = arrival
    }

    enum CodingKeys: String, CodingKey {
        case person, role, sex, pregnant, nursing, intoxicated, measure, arrival
        case birthDate = "birth_date"
        case atRisk = "at_risk"
        case caseID = "case_id"
        case idHash = "id_hash"
        case idLast4 = "id_last4"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        person = try c.decode(PersonID.self, forKey: .person)
        role = try c.decode(PersonRole.self, forKey: .role)
        sex = try c.decode(Sex.self, forKey: .sex)
        birthDate = try c.decode(CalendarDate.self, forKey: .birthDate)
        pregnant = try c.decodeIfPresent(Bool.self, forKey: .pregnant) ?? false
        nursing = try c.decodeIfPresent(Bool.self, forKey: .nursing) ?? false
        intoxicated = try c.decodeIfPresent(Bool.self, forKey: .intoxicated) ?? false
        atRisk = try c.decodeIfPresent(Bool.self, forKey: .atRisk) ?? false
        caseID = try c.decodeIfPresent(CaseID.self, forKey: .caseID)
        measure = try c.decodeIfPresent(LegalMeasure.self, forKey: .measure) ?? .none
        idHash = try c.decodeIfPresent(String.self, forKey: .idHash)
        idLast4 = try c.decodeIfPresent(String.self, forKey: .idLast4)
        arrival = try c.decodeIfPresent(Timestamp.self, forKey: .arrival)
    }
}

/// An approved extension of a legal clock (CLK-01…CLK-03).
public struct Extension: Sendable, Hashable, Codable {
    public var person: PersonID
    /// The new total limit from the clock's start (12 h → 24 h, 8 h → 24 h, 24 h → 48 h).
    public var limit: TimeSpan
    public var reason: String
    /// CLK-03's 48 h step is allowed only when the person refuses to give their identity.
    public var identityRefused: Bool

    public init(person: PersonID, limit: TimeSpan, reason: String, identityRefused: Bool = false) {
        self.person = person
        self.limit = limit
        self.reason = reason
        self.identityRefused = identityRefused
    }

    enum CodingKeys: String, CodingKey {
        case person, limit, reason
        case identityRefused = "identity_refused"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        person = try c.decode(PersonID.self, forKey: .person)
        limit = try c.decode(TimeSpan.self, forKey: .limit)
        reason = try c.decode(String.self, forKey: .reason)
        identityRefused = try c.decodeIfPresent(Bool.self, forKey: .identityRefused) ?? false
    }
}

/// The EXIT-01 release checklist; release is refused until it is complete.
public struct ReleaseChecklist: Sendable, Hashable, Codable {
    /// Belongings returned to the person or transferred with them.
    public var belongingsReturned: Bool
    public var exitHealthNote: String
    public var familyNotified: Bool
    public var destination: String
    /// Who picks up or escorts a vulnerable person released 21:00–07:00.
    public var pickupOrEscort: String?

    public init(
        belongingsReturned: Bool, exitHealthNote: String, familyNotified: Bool, destination: String,
        pickupOrEscort: String? = nil
    ) {
        self.belongingsReturned = belongingsReturned
        self.exitHealthNote = exitHealthNote
        self.familyNotified = familyNotified
        self.destination = destination
        self.pickupOrEscort = pickupOrEscort
    }

    enum CodingKeys: String, CodingKey {
        case destination
        case belongingsReturned = "belongings_returned"
        case exitHealthNote = "exit_health_note"
        case familyNotified = "family_notified"
        case pickupOrEscort = "pickup_or_escort"
    }
}
