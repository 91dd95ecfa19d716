import ArgumentParser
import Foundation

/// How custodyctl reaches the daemon: its Unix socket (default), or its TCP listener with a bearer token.
struct StationOptions: ParsableArguments {
    @Option(help: "The daemon's API socket (default $CUSTODYD_SOCKET or /run/custodyd/api.sock).")
    var socket: String?

    @Option(help: "The daemon's TCP API instead of the socket, as http://HOST:PORT.")
    var url: String?

    @Option(help: "The bearer token for --url (default $CUSTODYD_TOKEN).")
    var token: String?

    @Flag(help: "Print the daemon's JSON instead of a table, for scripts.")
    var json = false

    /// The client these options describe.
    func client() throws(ClientError) -> APIClient {
        let environment = ProcessInfo.processInfo.environment
        if let url {
            guard let parsed = URLComponents(string: url), parsed.scheme == "http", let host = parsed.host else {
                throw .usage("--url must look like http://HOST:PORT, got '\(url)'")
            }
            return APIClient(
                address: .tcp(host: host, port: parsed.port ?? 80), token: token ?? environment["CUSTODYD_TOKEN"])
        }
        let path = socket ?? environment["CUSTODYD_SOCKET"] ?? "/run/custodyd/api.sock"
        return APIClient(address: .unix(path: path), token: nil)
    }
}

/// Runs `body`, turning every failure into `custodyctl: REASON` and exit status 1.
func station(_ body: () throws -> Void) throws {
    do { try body() } catch let error as ClientError { throw fail(error.description) }
}

/// Percent-encodes a path segment or query value.
func escaped(_ text: String) -> String {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~")
    return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
}
