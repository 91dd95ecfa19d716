import Hummingbird
import Logging
import NIOCore

/// The request context of the station API: which listener the request came in on and, on TCP, the
/// role its bearer token carries.
struct APIRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    /// Whether the request came in on the Unix socket (access by file permission: every permission).
    let isLocal: Bool
    /// The role of the bearer token, set by the auth middleware on TCP.
    var role: APIRole?

    init(source: ApplicationRequestContextSource) {
        coreContext = CoreRequestContextStorage(source: source)
        if case .unixDomainSocket = source.channel.localAddress { isLocal = true } else { isLocal = false }
        role = nil
    }

    /// Whether the caller has `permission`.
    func allows(_ permission: APIRole.Permission) -> Bool {
        isLocal || (role?.permissions.contains(permission) ?? false)
    }

    /// Throws 403 unless the caller has `permission`.
    func require(_ permission: APIRole.Permission) throws(APIError) {
        guard allows(permission) else {
            let who = role.map { "the \($0.rawValue) role" } ?? "this caller"
            throw APIError(.forbidden, "forbidden", "\(who) may not do this (needs the '\(permission.rawValue)' permission)")
        }
    }
}
