import CustodyCore
import CustodyRecording
import Foundation
import Hummingbird
import Journal

/// An interview room's recorder reported by an officer (REC-01), for recorders the station file gives
/// `source: api`: their running state reaches the core only this way.
extension StationAPI {
    struct RecorderReport: Decodable {
        var officer: OfficerID
        var running: Bool
    }

    /// `POST /v1/recorders/{id}` with `{officer, running}`: journaled with who reported it, then applied.
    func recorderReport(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        try context.require(.record)
        guard let id = context.parameters.get("id"), !id.isEmpty else { throw APIError.badRequest("missing recorder id") }
        let body = try await decode(RecorderReport.self, request)
        let known = await dependencies.loop.read { engine in engine.layout.recorders.map(\.id.rawValue) }
        guard known.contains(id) else {
            throw APIError.notFound("no recorder '\(id)' at this station (recorders: \(known.joined(separator: ", ")))")
        }
        if let reported = dependencies.apiRecorders, !reported.contains(id) {
            throw APIError(
                .conflict, "recorder_wired",
                "recorder '\(id)' reports its state through its device point (station file: source); it cannot be set by hand")
        }
        guard let journal = dependencies.journal else {
            throw APIError(.serviceUnavailable, "journal_unavailable", "no journal to record the report in; nothing was applied")
        }
        let entry = NewEntry(
            at: UTCMillis.now(), kind: "recorder-report", subject: .device(id), actor: body.officer.rawValue,
            body: RecordCoding.encode(["running": body.running ? "yes" : "no"]))
        do { _ = try await journal.appendDurably(entry) } catch {
            throw APIError(.serviceUnavailable, "journal_unavailable", "the report cannot be recorded, so it was not applied: \(error)")
        }
        let outcome = await dependencies.loop.perform(.recorder(device: DeviceID(id), running: body.running))
        if let durable = dependencies.durable { try? await durable() }
        if let rejection = outcome.rejection { throw APIError(.conflict, rejection.reason.rawValue, rejection.message) }
        return json(CommandResult(action: "recorder", person: nil, effects: outcome.effects))
    }
}
