import ArgumentParser

/// `custodyctl approve PERSON --hours N --reason TEXT`: approve a clock extension.
struct ApproveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approve", abstract: "Approve an extension of a person's legal clock, before it expires.")

    @OptionGroup var options: StationOptions
    @Option(help: "The approving officer's id.") var officer: String
    @Argument(help: "The person's id.") var person: String
    @Option(help: "The new total limit in hours from the clock's start (24 or 48).") var hours: Int
    @Option(help: "Why the extension is needed.") var reason: String
    @Flag(name: .customLong("identity-refused"), help: "The person refuses to give their identity (CLK-03 48 h).")
    var identityRefused = false

    func run() throws {
        try postPersonCommand(
            options, "/v1/people/\(escaped(person))/extension",
            ["officer": officer, "limit_hours": hours, "reason": reason, "identity_refused": identityRefused],
            done: "extension to \(hours) h approved for \(person)")
    }
}
