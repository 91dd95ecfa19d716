import CustodyCore
import Foundation
import Hummingbird
import Journal

/// Routes answered from the journal: history, alerts with filters, verification and export.
extension StationAPI {
    func timeline(_ context: APIRequestContext) async throws -> Response {
        try context.require(.readPeople)
        let person = try personParameter(context).rawValue
        let now = nowMillis
        let timeline = try await journal { try $0.timeline(person: person, now: now) }
        guard !timeline.sessions.isEmpty || !timeline.entries.isEmpty else {
            throw APIError.notFound("no person '\(person)' in the journal")
        }
        return json(TimelineView(timeline))
    }

    func alerts(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        try context.require(.readPeople)
        let query = request.uri.queryParameters
        var filter = AlertFilter()
        if let state = query.get("state") {
            var states: Set<AlertState> = []
            for name in state.split(separator: ",") {
                if name == "active" { states.formUnion([.open, .acknowledged]); continue }
                guard let value = AlertState(rawValue: String(name)) else {
                    throw APIError.badRequest("query 'state': expected open, acknowledged, cleared or active, got '\(name)'")
                }
                states.insert(value)
            }
            filter.states = states
        }
        filter.rule = query.get("rule")
        filter.zone = query.get("zone")
        filter.person = query.get("person")
        if let level = query.get("level") {
            guard let value = Journal.AlertLevel(rawValue: level) else {
                throw APIError.badRequest("query 'level': expected warn, warn2, critical or alarm, got '\(level)'")
            }
            filter.minimumLevel = value
        }
        filter.from = try Self.time(query.get("from"), name: "from")
        filter.to = try Self.time(query.get("to"), name: "to")
        if let limit = query.get("limit") {
            guard let value = Int(limit), value > 0 else { throw APIError.badRequest("query 'limit': expected a positive integer") }
            filter.limit = value
        }
        let chosen = filter
        return json(try await journal { try $0.alerts(chosen) })
    }

    func verify(_ context: APIRequestContext) async throws -> Response {
        try context.require(.verify)
        return json(try await journal { try $0.verify() })
    }

    func export(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        try context.require(.export)
        let query = request.uri.queryParameters
        let formatName = query.get("format") ?? "json"
        guard let format = JournalExporter.Format(rawValue: formatName) else {
            throw APIError.badRequest("query 'format': expected json or csv, got '\(formatName)'")
        }
        let now = nowMillis
        let data: Data
        if let person = query.get("person") {
            data = try await journal { try JournalExporter(reader: $0).person(person, format: format, now: now) }
        } else {
            let from = try Self.time(query.get("from"), name: "from") ?? 0
            let to = try Self.time(query.get("to"), name: "to") ?? now + 1
            data = try await journal { try JournalExporter(reader: $0).range(from: from, to: to, format: format) }
        }
        return body(data, contentType: format == .json ? "application/json; charset=utf-8" : "text/csv; charset=utf-8")
    }

    /// A time query parameter: UTC milliseconds or ISO 8601 (`2026-11-25T08:00:00Z`).
    static func time(_ text: String?, name: String) throws(APIError) -> Int64? {
        guard let text else { return nil }
        if let millis = Int64(text) { return millis }
        let formatter = ISO8601DateFormatter()
        for options: ISO8601DateFormatter.Options in [[.withInternetDateTime, .withFractionalSeconds], [.withInternetDateTime]] {
            formatter.formatOptions = options
            if let date = formatter.date(from: text) { return Int64((date.timeIntervalSince1970 * 1000).rounded()) }
        }
        throw .badRequest("query '\(name)': expected UTC milliseconds or an ISO 8601 time, got '\(text)'")
    }
}
