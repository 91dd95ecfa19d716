import CustodyCore
import Foundation
import Hummingbird
import Journal

/// Routes that change something: every one becomes a core command naming the acting officer, is applied
/// by the loop, and is answered once the journal has it on disk.
extension StationAPI {
    /// What a changing route answers: the command accepted and what the core decided.
    struct CommandResult: Encodable {
        var accepted = true
        var action: String
        var person: String?
        var effects: [Effect]
    }

    /// Applies `command` for a caller who must have the command's permission; a refusal is thrown.
    func perform(_ command: Command, _ context: APIRequestContext) async throws -> Outcome {
        try context.require(command.action.permission)
        let outcome = await dependencies.loop.perform(command)
        if let durable = dependencies.durable {
            do { try await durable() } catch {
                throw APIError(
                    .serviceUnavailable, "journal_unavailable",
                    "the command was applied but its journal entry is not on disk: \(error)")
            }
        }
        if let rejection = outcome.rejection {
            let status: HTTPResponse.Status = rejection.reason == .unknownPerson ? .notFound : .conflict
            throw APIError(status, rejection.reason.rawValue, rejection.message)
        }
        return outcome
    }

    func respond(_ command: Command, _ context: APIRequestContext) async throws -> Response {
        let outcome = try await perform(command, context)
        return json(CommandResult(action: command.action.name, person: command.action.person?.rawValue, effects: outcome.effects))
    }

    func command(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        let body = try await decode(APIRequest.Command.self, request)
        if case .register(let registration) = body.action, registration.idHash != nil || registration.idLast4 != nil {
            // Only this daemon hashes ID numbers; a caller-made "hash" could be the number itself.
            throw APIError.badRequest("register with an ID number through POST /v1/people, which protects it")
        }
        return try await respond(Command(by: body.officer, body.action), context)
    }

    func acknowledge(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        try context.require(.acknowledge)
        let body = try await decode(APIRequest.Acknowledge.self, request)
        let id = body.alert
        guard let key = await dependencies.loop.read({ $0.openAlerts.first { $0.key.description == id }?.key }) else {
            throw APIError.notFound("no open alert '\(id)'; it may have cleared")
        }
        return try await respond(Command(by: body.officer, .acknowledgeAlert(key)), context)
    }

    func register(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        try context.require(.record)
        let body = try await decode(APIRequest.Register.self, request)
        guard let birthDate = Self.calendarDate(body.birthDate) else {
            throw APIError.badRequest("field 'birth_date': expected YYYY-MM-DD, got '\(body.birthDate)'")
        }
        var idHash: String?
        var idLast4: String?
        if let number = body.idNumber, !number.isEmpty {
            guard context.isLocal else {
                throw APIError(.forbidden, "local_only", "an ID number is accepted only on the station's Unix socket")
            }
            guard let key = dependencies.stationKey else {
                throw APIError(
                    .unprocessableContent, "no_station_key",
                    "this daemon has no station key, so it cannot protect an ID number; register without id_number")
            }
            let protected = key.protect(nationalID: number)
            idHash = protected.hash.map { String(format: "%02x", $0) }.joined()
            idLast4 = protected.last4
        }
        let registration = Registration(
            person: body.person, role: body.role, sex: body.sex, birthDate: birthDate, pregnant: body.pregnant ?? false,
            nursing: body.nursing ?? false, intoxicated: body.intoxicated ?? false, atRisk: body.atRisk ?? false,
            caseID: body.caseID, measure: body.measure ?? .none, idHash: idHash, idLast4: idLast4,
            arrival: body.arrival.map { Timestamp(milliseconds: $0) })
        let outcome = try await perform(Command(by: body.officer, .register(registration)), context)
        return json(
            CommandResult(action: "register", person: body.person.rawValue, effects: outcome.effects), status: .created)
    }

    func wristband(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        let person = try personParameter(context)
        let body = try await decode(APIRequest.Wristband.self, request)
        return try await respond(Command(by: body.officer, .assignWristband(person: person, tag: body.tag)), context)
    }

    func intake(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        let person = try personParameter(context)
        let body = try await decode(APIRequest.Intake.self, request)
        var actions: [CommandAction] = []
        if body.safetyCheck == true { actions.append(.safetyCheckDone(person: person)) }
        if let health = body.health { actions.append(.healthIntake(person: person, injury: health.injury, note: health.note)) }
        if let items = body.belongings { actions.append(.belongingsListed(person: person, items: items)) }
        guard !actions.isEmpty else {
            throw APIError.badRequest("give at least one of 'safety_check', 'health', 'belongings'")
        }
        var effects: [Effect] = []
        for action in actions {
            effects += try await perform(Command(by: body.officer, action), context).effects
        }
        return json(CommandResult(action: "intake", person: person.rawValue, effects: effects))
    }

    func welfare(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        let person = try personParameter(context)
        let body = try await decode(APIRequest.Welfare.self, request)
        return try await respond(
            Command(by: body.officer, .welfare(person: person, kind: body.kind, response: body.response)), context)
    }

    func extend(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        let person = try personParameter(context)
        let body = try await decode(APIRequest.Extension.self, request)
        let request = Extension(
            person: person, limit: .hours(body.limitHours), reason: body.reason,
            identityRefused: body.identityRefused ?? false)
        return try await respond(Command(by: body.officer, .approveExtension(request)), context)
    }

    func measure(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        let person = try personParameter(context)
        let body = try await decode(APIRequest.Measure.self, request)
        return try await respond(
            Command(by: body.officer, .changeMeasure(person: person, measure: body.measure, reason: body.reason)), context)
    }

    func release(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        let person = try personParameter(context)
        let body = try await decode(APIRequest.Release.self, request)
        let checklist = ReleaseChecklist(
            belongingsReturned: body.belongingsReturned, exitHealthNote: body.exitHealthNote,
            familyNotified: body.familyNotified, destination: body.destination, pickupOrEscort: body.pickupOrEscort)
        return try await respond(Command(by: body.officer, .release(person: person, checklist: checklist)), context)
    }

    /// `YYYY-MM-DD` as a calendar date.
    static func calendarDate(_ text: String) -> CalendarDate? {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, (1...12).contains(parts[1]), (1...31).contains(parts[2]) else { return nil }
        return CalendarDate(year: parts[0], month: parts[1], day: parts[2])
    }
}
