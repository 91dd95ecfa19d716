/// Where the HTTP API listens and who may use it.
public struct APISettings: Sendable, Hashable {
    /// The default Unix socket.
    public static let defaultUnixSocket = "/run/custodyd/api.sock"

    /// The Unix socket path; local clients (`custodyctl`, `curl --unix-socket`) use it.
    public var unixSocket: String
    /// The group that may open the socket, if set.
    public var socketGroup: String?
    /// A TCP listener as `HOST:PORT`, for the supervisors' dashboard; bearer tokens required there.
    public var tcpListen: String?
    /// The accepted bearer tokens, as SHA-256 hashes.
    public var tokens: [APIToken]

    public init(unixSocket: String = APISettings.defaultUnixSocket, socketGroup: String? = nil, tcpListen: String? = nil, tokens: [APIToken] = []) {
        self.unixSocket = unixSocket
        self.socketGroup = socketGroup
        self.tcpListen = tcpListen
        self.tokens = tokens
    }
}
