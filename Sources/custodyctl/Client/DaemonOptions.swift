import ArgumentParser
import Foundation

/// Where the daemon's API is: its Unix socket (default), or its TCP listener with a bearer token.
struct DaemonOptions: ParsableArguments {
    @Option(help: "The daemon's API socket (default $CUSTODYD_SOCKET or /run/custodyd/api.sock).")
    var socket: String?

    @Option(help: "The daemon's TCP API instead of the socket, as http://HOST:PORT.")
    var url: String?

    @Option(help: "The bearer token for --url (default $CUSTODYD_TOKEN).")
    var token: String?

    /// Whether any of the options was given.
    var isGiven: Bool { socket != nil || url != nil || token != nil }

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
