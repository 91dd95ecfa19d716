import CustodyCore
import CustodyRecording
import DeviceProfiles
import FieldBus
import Foundation
import Hummingbird
import Journal
import Modbus

/// A technician's diagnostics through the daemon's bus queues (DESIGN.md, "One owner per bus"): reads of
/// a device's points or raw registers, and its profile commands, sent at command priority on the bus the
/// daemon already owns. Nothing here touches personal data.
extension StationAPI {
    /// Entries for a device command sent by hand that is not a door's: the same two-step record
    /// (what was asked, then what became of it) as a door's intent and outcome.
    static let deviceCommandKind: EntryKind = "device-command"

    /// The field buses, or 503 when this API serves none.
    func fieldBus(_ context: APIRequestContext) throws -> FieldBusSupervisor {
        try context.require(.diagnostics)
        guard let fieldBus = dependencies.fieldBus else {
            throw APIError(.serviceUnavailable, "no_field_buses", "this API runs without field buses; no device can be reached")
        }
        return fieldBus
    }

    /// The `{id}` path parameter as a device of `fieldBus`, or 404.
    func device(_ context: APIRequestContext, on fieldBus: FieldBusSupervisor) throws -> DeviceSpec {
        guard let id = context.parameters.get("id"), !id.isEmpty else { throw APIError.badRequest("missing device id") }
        guard let spec = fieldBus.devices.first(where: { $0.id == id }) else {
            throw APIError.transaction(.unknownDevice(id), device: id)
        }
        return spec
    }

    /// `GET /v1/devices/{id}/points[?point=NAME…]`: the profile's readable points (or those named) read now.
    func devicePoints(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        let fieldBus = try fieldBus(context)
        let spec = try device(context, on: fieldBus)
        let names = request.uri.queryParameters.getAll("point").flatMap { $0.split(separator: ",").map(String.init) }
        let reads: [PointRead]
        switch await fieldBus.readPoints(of: spec.id, named: names.isEmpty ? nil : names) {
        case .success(let done): reads = done
        case .failure(let error): throw APIError.transaction(error, device: spec.id)
        }
        let failures = reads.compactMap { read -> TransactionError? in
            if case .failure(let error) = read.result { error } else { nil }
        }
        if let first = failures.first, failures.count == reads.count {
            throw APIError.transaction(first, device: spec.id)  // nothing answered: the device or its bus is down
        }
        return json(DevicePointsView(
            device: spec.id, profile: spec.profile.id, at: UTCMillis.now(), points: reads.map(DevicePointView.init)))
    }

    /// `POST /v1/devices/{id}/read`: one raw read of a table.
    func deviceRead(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        let fieldBus = try fieldBus(context)
        let spec = try device(context, on: fieldBus)
        let body = try await decode(APIRequest.DeviceRead.self, request)
        let read = try body.request()
        let response: ModbusResponse
        switch await fieldBus.perform(read, on: spec.id) {
        case .success(let answered): response = answered
        case .failure(let error): throw APIError.transaction(error, device: spec.id)
        }
        var view = DeviceReadView(device: spec.id, table: body.table, address: body.address, count: body.count ?? 1)
        if case .readBits(let table, _, let count) = read {
            view.table = table.rawValue
            view.bits = Array((response.bits ?? []).prefix(count))
        } else if case .readRegisters(let table, _, _) = read {
            view.table = table.rawValue
            view.registers = response.registers ?? []
        }
        return json(view)
    }

    /// `POST /v1/devices/{id}/commands`: a profile command sent at command priority, journaled before it
    /// is sent (who asked, for whom) and after (what became of it), and answered once both are on disk.
    func deviceCommand(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        let fieldBus = try fieldBus(context)
        let spec = try device(context, on: fieldBus)
        let body = try await decode(APIRequest.DeviceCommand.self, request)
        guard let command = spec.profile.command(named: body.command) else {
            throw APIError(
                .notFound, "unknown_command",
                "device '\(spec.id)' (\(spec.profile.id)) has no command '\(body.command)' (it has: "
                    + spec.profile.commands.map(\.name).joined(separator: ", ") + ")")
        }
        if let role = command.requiresRole, !context.allows(role.permission) {
            throw APIError(
                .forbidden, "forbidden",
                "'\(body.command)' has requires_role \(role.rawValue) in profile \(spec.profile.id), so it needs the "
                    + "'\(role.permission.rawValue)' permission, which \(context.role.map { "the \($0.rawValue) role" } ?? "this caller") has not")
        }
        guard let journal = dependencies.journal else {
            throw APIError(.serviceUnavailable, "journal_unavailable", "no journal to record a device command in; nothing was sent")
        }
        if command.isUnlock {
            try await refuseUnlockBesidePeople(lock: spec.id)
        }
        let caller = context.isLocal ? "unix-socket" : context.role?.rawValue ?? "unknown"
        let actor = body.officer ?? "api:\(caller)"
        let isDoor = spec.profile.kind == .door
        var asked = ["command": body.command, "source": "diagnostics", "caller": caller]
        if !isDoor { asked["phase"] = "intent" }
        try await record(
            NewEntry(
                at: UTCMillis.now(), kind: isDoor ? .doorIntent : Self.deviceCommandKind, subject: .device(spec.id),
                actor: actor, body: RecordCoding.encode(asked)),
            in: journal, sent: false)
        let outcome = await fieldBus.send(command: body.command, to: spec.id)
        var result = ["command": body.command, "source": "diagnostics", "confirmed": outcome.succeeded ? "yes" : "no",
                      "detail": "\(spec.id) \(body.command): \(outcome)"]
        if !isDoor { result["phase"] = "outcome" }
        try await record(
            NewEntry(
                at: UTCMillis.now(), kind: isDoor ? .doorOutcome : Self.deviceCommandKind, subject: .device(spec.id),
                actor: actor, body: RecordCoding.encode(result)),
            in: journal, sent: true)
        switch outcome {
        case .failed(let error): throw APIError.modbus(error, device: spec.id)
        case .expired: throw APIError(.gatewayTimeout, "bus_busy", "\(spec.id) \(body.command): \(outcome)")
        case .unknownDevice: throw APIError.transaction(.unknownDevice(spec.id), device: spec.id)
        case .unknownCommand: throw APIError(.notFound, "unknown_command", "\(spec.id): \(outcome)")
        case .verified, .acknowledged, .notVerified: break
        }
        var verified = false
        if case .verified = outcome { verified = true }
        return json(DeviceCommandView(
            device: spec.id, command: body.command, outcome: outcome.description, verified: verified,
            succeeded: outcome.succeeded))
    }

    /// A diagnostic unlock skips the custody rules (escort, intake, separation), so it is refused while
    /// anyone in custody is in a zone the door joins: such a door opens for an officer's tag at its reader,
    /// where FLOW-01 decides. An empty area's doors may be tested at any time.
    private func refuseUnlockBesidePeople(lock device: String) async throws {
        let beside = await dependencies.loop.read { engine -> (door: String, people: [String])? in
            guard let door = engine.layout.doors.first(where: { $0.lock?.rawValue == device }) else { return nil }
            let people = door.zones.flatMap { engine.occupants(of: $0) }.map(\.rawValue)
            return (door.id.rawValue, people)
        }
        guard let beside, !beside.people.isEmpty else { return }
        throw APIError(
            .conflict, "people_beside_door",
            "door '\(beside.door)' joins zones with \(beside.people.count) person(s) in custody; a diagnostic unlock would skip "
                + "the custody rules, so it opens only for an officer's tag at its reader (lock_now is always allowed)")
    }

    /// Appends `entry` and waits until it is on disk; a journal failure is a 503 saying whether the
    /// command was sent.
    private func record(_ entry: NewEntry, in journal: CustodyJournal, sent: Bool) async throws {
        do { _ = try await journal.appendDurably(entry) } catch {
            throw APIError(
                .serviceUnavailable, "journal_unavailable",
                sent
                    ? "the command was sent but its outcome is not on disk: \(error)"
                    : "the command cannot be recorded, so it was not sent: \(error)")
        }
    }
}
