/// What an officer asks the core to record or decide.
public enum CommandAction: Sendable, Hashable, Codable {
    /// Register a person on arrival.
    case register(registration: Registration)
    /// Put a wristband on a person; the clock starts no later than this.
    case assignWristband(person: PersonID, tag: TagID)
    /// Take a wristband back.
    case returnWristband(person: PersonID)
    /// The safety check (search) is done (FLOW-01).
    case safetyCheckDone(person: PersonID)
    /// The health intake is done; an injury raises a report (FLOW-01).
    case healthIntake(person: PersonID, injury: Bool, note: String)
    /// The belongings list is made (FLOW-01).
    case belongingsListed(person: PersonID, items: Int)
    /// Extend the current legal clock to `limit` (CLK-01…CLK-03), approved before it expires.
    case approveExtension(request: Extension)
    /// Change the legal measure; the absolute clock (CLK-06) continues.
    case changeMeasure(person: PersonID, measure: LegalMeasure, reason: String)
    /// Move the person to another case; no clock restarts.
    case transferCase(person: PersonID, caseID: CaseID, reason: String)
    /// A welfare offer or event (WEL-01…WEL-03).
    case welfare(person: PersonID, kind: WelfareKind, response: WelfareResponse)
    /// A round of a holding room was made (SUP-03).
    case roundLogged(zone: ZoneID)
    /// A minor's guardian arrived or left (PROT-01).
    case guardianPresent(person: PersonID, present: Bool)
    /// A named officer acknowledges an open alert.
    case acknowledgeAlert(key: AlertKey)
    /// Release with the EXIT-01 checklist; closes the clocks and seals the record.
    case release(person: PersonID, checklist: ReleaseChecklist)
    /// Approve a trip out of the area (ZONE-01), until the person is back inside.
    case approveOutOfArea(person: PersonID, reason: String)
    /// A journaled reason that permits an exception: CLK-07 (chained summons), WEL-02 (night
    /// questioning), PROT-01 (guardian absent).
    case logReason(person: PersonID, rule: RuleID, reason: String)
    /// Move the clock start earlier (never later), with a reason.
    case moveClockStart(person: PersonID, to: Timestamp, reason: String)
    /// One of the CLK-05 duties after a detention decision is done.
    case detentionDutyDone(person: PersonID, duty: DetentionDuty)

    enum CodingKeys: String, CodingKey {
        case register
        case assignWristband = "assign_wristband"
        case returnWristband = "return_wristband"
        case safetyCheckDone = "safety_check_done"
        case healthIntake = "health_intake"
        case belongingsListed = "belongings_listed"
        case approveExtension = "approve_extension"
        case changeMeasure = "change_measure"
        case transferCase = "transfer_case"
        case welfare
        case roundLogged = "round_logged"
        case guardianPresent = "guardian_present"
        case acknowledgeAlert = "acknowledge_alert"
        case release
        case approveOutOfArea = "approve_out_of_area"
        case logReason = "log_reason"
        case moveClockStart = "move_clock_start"
        case detentionDutyDone = "detention_duty_done"
    }

    enum TransferCaseCodingKeys: String, CodingKey {
        case person
        case caseID = "case_id"
        case reason
    }

    /// Register a person on arrival.
    public static func register(_ registration: Registration) -> CommandAction { .register(registration: registration) }

    /// Extend the current legal clock.
    public static func approveExtension(_ request: Extension) -> CommandAction { .approveExtension(request: request) }

    /// Acknowledge an open alert.
    public static func acknowledgeAlert(_ key: AlertKey) -> CommandAction { .acknowledgeAlert(key: key) }

    /// The person the command is about, if it is about one.
    public var person: PersonID? {
        switch self {
        case .register(let registration): registration.person
        case .assignWristband(let person, _), .returnWristband(let person), .safetyCheckDone(let person),
            .healthIntake(let person, _, _), .belongingsListed(let person, _), .changeMeasure(let person, _, _),
            .transferCase(let person, _, _), .welfare(let person, _, _), .guardianPresent(let person, _),
            .release(let person, _), .approveOutOfArea(let person, _), .logReason(let person, _, _),
            .moveClockStart(let person, _, _), .detentionDutyDone(let person, _):
            person
        case .approveExtension(let request): request.person
        case .roundLogged, .acknowledgeAlert: nil
        }
    }
}
