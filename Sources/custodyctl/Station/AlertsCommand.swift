import ArgumentParser

/// `custodyctl alerts`: alerts from the journal, filtered.
struct AlertsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alerts", abstract: "List alerts (default: open and acknowledged ones).")

    @OptionGroup var options: StationOptions

    @Option(help: "open, acknowledged, cleared or active (comma-separated).")
    var state = "active"
    @Option(help: "Only this rule (e.g. CLK-01).")
    var rule: String?
    @Option(help: "Only this level and above (warn, warn2, critical, alarm).")
    var level: String?
    @Option(help: "Only this zone.")
    var zone: String?
    @Option(help: "Raised at or after (UTC ms or ISO 8601).")
    var from: String?
    @Option(help: "Raised before (UTC ms or ISO 8601).")
    var to: String?

    func run() throws {
        try station {
            var query = ["state=\(escaped(state))"]
            for (name, value) in [("rule", rule), ("level", level), ("zone", zone), ("from", from), ("to", to)] {
                if let value { query.append("\(name)=\(escaped(value))") }
            }
            let reply = try options.client().get("/v1/alerts?" + query.joined(separator: "&"))
            if options.json { return emit(reply.text) }
            let alerts = try reply.json() as? [[String: Any]] ?? []
            emit(alerts.isEmpty ? "no alerts" : StationFormat.alerts(alerts))
        }
    }
}
