import ArgumentParser

/// `custodyctl ack ALERT --officer ID`: a named officer acknowledges an open alert.
struct AckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ack", abstract: "Acknowledge an open alert (it stays open until its cause resolves).")

    @OptionGroup var options: StationOptions
    @Option(help: "The acknowledging officer's id.")
    var officer: String
    @Argument(help: "The alert id, as `custodyctl alerts` shows it.")
    var alert: String

    func run() throws {
        try station {
            let reply = try options.client().post("/v1/alerts/ack", ["officer": officer, "alert": alert])
            emit(options.json ? reply.text : "acknowledged \(alert)")
        }
    }
}
