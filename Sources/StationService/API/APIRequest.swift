import CustodyCore

/// The JSON bodies of the changing routes. Each names the acting officer; the core rejects officers it
/// does not know. Keys are snake_case.
enum APIRequest {
    /// `POST /v1/commands`: any core command, in the journal's own encoding.
    struct Command: Decodable {
        var officer: OfficerID
        var action: CommandAction
    }

    /// `POST /v1/alerts/ack`.
    struct Acknowledge: Decodable {
        var officer: OfficerID
        /// The alert's id as `GET /v1/alerts` or `GET /v1/status` shows it.
        var alert: String
    }

    /// `POST /v1/people`: registration on arrival. `id_number` is hashed with the station key at once and
    /// only the hash and the last four characters go further.
    struct Register: Decodable {
        var officer: OfficerID
        var person: PersonID
        var role: PersonRole
        var sex: Sex
        var birthDate: String
        var idNumber: String?
        var caseID: CaseID?
        var measure: LegalMeasure?
        var pregnant: Bool?
        var nursing: Bool?
        var intoxicated: Bool?
        var atRisk: Bool?
        var arrival: Int64?

        enum CodingKeys: String, CodingKey {
            case officer, person, role, sex, pregnant, nursing, intoxicated, measure, arrival
            case birthDate = "birth_date"
            case idNumber = "id_number"
            case caseID = "case"
            case atRisk = "at_risk"
        }
    }

    /// `POST /v1/people/{id}/wristband`.
    struct Wristband: Decodable {
        var officer: OfficerID
        var tag: TagID
    }

    /// `POST /v1/people/{id}/intake`: any of the three FLOW-01 steps, applied in this order.
    struct Intake: Decodable {
        struct Health: Decodable {
            var injury: Bool
            var note: String
        }

        var officer: OfficerID
        var safetyCheck: Bool?
        var health: Health?
        var belongings: Int?

        enum CodingKeys: String, CodingKey {
            case officer, health, belongings
            case safetyCheck = "safety_check"
        }
    }

    /// `POST /v1/people/{id}/welfare`.
    struct Welfare: Decodable {
        var officer: OfficerID
        var kind: WelfareKind
        var response: WelfareResponse
    }

    /// `POST /v1/people/{id}/extension`: the approving officer and the new total limit.
    struct Extension: Decodable {
        var officer: OfficerID
        var limitHours: Int64
        var reason: String
        var identityRefused: Bool?

        enum CodingKeys: String, CodingKey {
            case officer, reason
            case limitHours = "limit_hours"
            case identityRefused = "identity_refused"
        }
    }

    /// `POST /v1/people/{id}/measure`.
    struct Measure: Decodable {
        var officer: OfficerID
        var measure: LegalMeasure
        var reason: String
    }

    /// `POST /v1/people/{id}/release`: the EXIT-01 checklist.
    struct Release: Decodable {
        var officer: OfficerID
        var belongingsReturned: Bool
        var exitHealthNote: String
        var familyNotified: Bool
        var destination: String
        var pickupOrEscort: String?

        enum CodingKeys: String, CodingKey {
            case officer, destination
            case belongingsReturned = "belongings_returned"
            case exitHealthNote = "exit_health_note"
            case familyNotified = "family_notified"
            case pickupOrEscort = "pickup_or_escort"
        }
    }
}
