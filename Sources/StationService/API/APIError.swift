import Foundation
import HTTPTypes
import Hummingbird

/// An API failure with the JSON body clients read: `{"error": code, "message": text}`.
///
/// `error` is a stable code a script can switch on (a core rejection's reason, `unauthorized`,
/// `forbidden`, `bad_request`, `not_found`); `message` says what happened and what to do.
struct APIError: Error, HTTPResponseError, Sendable {
    var status: HTTPResponse.Status
    var code: String
    var message: String

    init(_ status: HTTPResponse.Status, _ code: String, _ message: String) {
        self.status = status
        self.code = code
        self.message = message
    }

    static func badRequest(_ message: String) -> APIError { APIError(.badRequest, "bad_request", message) }
    static func notFound(_ message: String) -> APIError { APIError(.notFound, "not_found", message) }

    struct Body: Codable {
        var error: String
        var message: String
    }

    var headers: HTTPFields { [.contentType: "application/json; charset=utf-8"] }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        let data = (try? JSONEncoder().encode(Body(error: code, message: message))) ?? Data()
        var headers = self.headers
        headers[.contentLength] = String(data.count)
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// A 400 naming the field a JSON body got wrong.
    static func decoding(_ error: any Error) -> APIError {
        guard let error = error as? DecodingError else { return .badRequest("the body is not valid JSON") }
        func path(_ codingPath: [any CodingKey]) -> String {
            let text = codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
            return text.isEmpty ? "the body" : "'\(text)'"
        }
        switch error {
        case .keyNotFound(let key, let context):
            return .badRequest("missing field '\((context.codingPath + [key]).map(\.stringValue).joined(separator: "."))'")
        case .typeMismatch(let type, let context):
            return .badRequest("field \(path(context.codingPath)): expected \(type)")
        case .valueNotFound(let type, let context):
            return .badRequest("field \(path(context.codingPath)): expected \(type), got null")
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty { return .badRequest("the body is not valid JSON") }
            return .badRequest("field \(path(context.codingPath)): \(context.debugDescription)")
        @unknown default:
            return .badRequest("the body could not be read: \(error)")
        }
    }
}
