import ArgumentParser

/// `custodyctl release PERSON`: release with the EXIT-01 checklist.
struct ReleaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "release", abstract: "Release a person with the EXIT-01 checklist; closes the clocks.")

    @OptionGroup var options: StationOptions
    @Option(help: "The releasing officer's id.") var officer: String
    @Argument(help: "The person's id.") var person: String
    @Flag(name: .customLong("belongings-returned"), help: "Belongings returned or transferred.")
    var belongingsReturned = false
    @Option(name: .customLong("health-note"), help: "The exit health note.") var healthNote: String
    @Flag(name: .customLong("family-notified"), help: "The family was notified.") var familyNotified = false
    @Option(help: "Where the person goes.") var destination: String
    @Option(help: "Who picks up or escorts a vulnerable person released 21:00–07:00.") var pickup: String?

    func run() throws {
        var body: [String: Any] = [
            "officer": officer, "belongings_returned": belongingsReturned, "exit_health_note": healthNote,
            "family_notified": familyNotified, "destination": destination,
        ]
        if let pickup { body["pickup_or_escort"] = pickup }
        try postPersonCommand(options, "/v1/people/\(escaped(person))/release", body, done: "released \(person)")
    }
}
