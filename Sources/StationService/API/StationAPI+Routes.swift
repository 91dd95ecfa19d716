import CustodyCore
import Journal
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// The route table and the helpers every handler shares.
extension StationAPI {
    func makeRouter() -> Router<APIRequestContext> {
        let router = Router(context: APIRequestContext.self)
        router.middlewares.add(APIAuthMiddleware(tokens: tokens, metrics: dependencies.metrics))
        router.get("metrics") { _, context in try await self.metricsText(context) }
        let v1 = router.group("v1")
        v1.get("status") { _, context in try await self.status(context) }
        v1.get("devices") { _, context in try await self.devices(context) }
        v1.get("devices/:id/points") { request, context in try await self.devicePoints(request, context) }
        v1.post("devices/:id/read") { request, context in try await self.deviceRead(request, context) }
        v1.post("devices/:id/commands") { request, context in try await self.deviceCommand(request, context) }
        v1.post("recorders/:id") { request, context in try await self.recorderReport(request, context) }
        v1.get("people") { _, context in try await self.people(context) }
        v1.get("people/:id") { _, context in try await self.person(context) }
        v1.get("people/:id/timeline") { _, context in try await self.timeline(context) }
        v1.get("alerts") { request, context in try await self.alerts(request, context) }
        v1.post("alerts/ack") { request, context in try await self.acknowledge(request, context) }
        v1.post("commands") { request, context in try await self.command(request, context) }
        v1.post("people") { request, context in try await self.register(request, context) }
        v1.post("people/:id/wristband") { request, context in try await self.wristband(request, context) }
        v1.post("people/:id/intake") { request, context in try await self.intake(request, context) }
        v1.post("people/:id/welfare") { request, context in try await self.welfare(request, context) }
        v1.post("people/:id/extension") { request, context in try await self.extend(request, context) }
        v1.post("people/:id/measure") { request, context in try await self.measure(request, context) }
        v1.post("people/:id/release") { request, context in try await self.release(request, context) }
        v1.get("events") { _, context in try self.events(context) }
        v1.get("journal/verify") { _, context in try await self.verify(context) }
        v1.get("export") { request, context in try await self.export(request, context) }
        return router
    }

    /// The API's JSON: snake_case keys, sorted, times as UTC milliseconds.
    static func encode(_ value: some Encodable) -> Data {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)) ?? Data("null".utf8)
    }

    /// A 200 (or `status`) response with `value` as JSON.
    func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        body(Self.encode(value), contentType: "application/json; charset=utf-8", status: status)
    }

    func body(_ data: Data, contentType: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: contentType, .contentLength: String(data.count)],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// Reads a JSON body (at most 64 KiB); a malformed body is a 400 naming the field.
    func decode<T: Decodable>(_ type: T.Type, _ request: Request) async throws -> T {
        let buffer: ByteBuffer
        do { buffer = try await request.body.collect(upTo: 64 * 1024) } catch {
            throw APIError(.contentTooLarge, "too_large", "the body is larger than 64 KiB")
        }
        do { return try JSONDecoder().decode(T.self, from: Data(buffer.readableBytesView)) } catch {
            throw APIError.decoding(error)
        }
    }

    /// The `{id}` path parameter as a person id.
    func personParameter(_ context: APIRequestContext) throws -> PersonID {
        guard let id = context.parameters.get("id"), !id.isEmpty else { throw APIError.badRequest("missing person id") }
        return PersonID(id)
    }

    /// The station's time now, in UTC milliseconds.
    var nowMillis: Int64 { dependencies.loop.clock.now().milliseconds }

    /// A journal query, with the journal's errors as 503 (the record exists; it cannot be read now).
    func journal<T: Sendable>(_ body: @escaping @Sendable (JournalReader) throws -> T) async throws -> T {
        do { return try await reader.read(body) } catch let error as APIError { throw error } catch {
            throw APIError(.serviceUnavailable, "journal_unavailable", "\(error)")
        }
    }
}
