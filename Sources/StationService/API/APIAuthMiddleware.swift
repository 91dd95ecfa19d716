import Foundation
import HTTPTypes
import Hummingbird

/// Identifies TCP callers by their bearer token and counts every request for `/metrics`.
///
/// On the Unix socket nothing is checked (the socket's group decides who can connect). On TCP a missing
/// or unknown token is refused with 401 before any route runs; the route then checks the role (403).
struct APIAuthMiddleware: RouterMiddleware {
    typealias Context = APIRequestContext

    /// SHA-256 hex of each accepted token, and its role.
    let tokens: [String: APIRole]
    let metrics: MetricsRegistry

    func handle(
        _ request: Request, context: APIRequestContext, next: (Request, APIRequestContext) async throws -> Response
    ) async throws -> Response {
        var context = context
        do {
            if !context.isLocal { context.role = try role(of: request) }
            let response = try await next(request, context)
            count(request, response.status)
            return response
        } catch let error as any HTTPResponseError {
            count(request, error.status)
            throw error
        } catch {
            count(request, .internalServerError)
            throw error
        }
    }

    private func role(of request: Request) throws(APIError) -> APIRole {
        guard let header = request.headers[.authorization] else {
            throw APIError(.unauthorized, "unauthorized", "a bearer token is required on TCP (Authorization: Bearer TOKEN)")
        }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else {
            throw APIError(.unauthorized, "unauthorized", "the Authorization header must be 'Bearer TOKEN'")
        }
        guard let role = tokens[APIRole.tokenHash(String(parts[1]).trimmingCharacters(in: .whitespaces))] else {
            throw APIError(.unauthorized, "unauthorized", "the bearer token is not known to this station")
        }
        return role
    }

    private func count(_ request: Request, _ status: HTTPResponse.Status) {
        metrics.increment(
            MetricsRegistry.Name.apiRequests, labels: ["method": request.method.rawValue, "status": String(status.code)])
    }
}
