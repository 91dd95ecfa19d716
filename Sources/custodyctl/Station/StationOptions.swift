import ArgumentParser
import Foundation

/// How custodyctl reaches the daemon (``DaemonOptions``), and whether it prints a table or JSON.
struct StationOptions: ParsableArguments {
    @OptionGroup var daemon: DaemonOptions

    @Flag(help: "Print the daemon's JSON instead of a table, for scripts.")
    var json = false

    /// The client these options describe.
    func client() throws(ClientError) -> APIClient { try daemon.client() }
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
