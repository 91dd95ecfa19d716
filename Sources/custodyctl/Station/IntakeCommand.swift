import ArgumentParser

/// `custodyctl intake PERSON`: record the FLOW-01 intake steps.
struct IntakeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "intake",
        abstract: "Record the safety check, health intake and belongings list (needed before holding or interview rooms).")

    @OptionGroup var options: StationOptions
    @Option(help: "The officer's id.") var officer: String
    @Argument(help: "The person's id.") var person: String
    @Flag(name: .customLong("safety-check"), help: "The safety check (search) is done.") var safetyCheck = false
    @Option(help: "The health intake note.") var health: String?
    @Flag(help: "An injury was noted at the health intake (raises a report).") var injury = false
    @Option(help: "The number of items on the belongings list.") var belongings: Int?

    func run() throws {
        var body: [String: Any] = ["officer": officer]
        if safetyCheck { body["safety_check"] = true }
        if let health { body["health"] = ["injury": injury, "note": health] }
        if let belongings { body["belongings"] = belongings }
        try postPersonCommand(options, "/v1/people/\(escaped(person))/intake", body, done: "intake recorded for \(person)")
    }
}
