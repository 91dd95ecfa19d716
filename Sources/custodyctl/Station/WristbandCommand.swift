import ArgumentParser

/// `custodyctl wristband PERSON TAG`: put a wristband on a person.
struct WristbandCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wristband", abstract: "Assign a wristband tag to a person (the clock starts no later).")

    @OptionGroup var options: StationOptions
    @Option(help: "The officer's id.") var officer: String
    @Argument(help: "The person's id.") var person: String
    @Argument(help: "The wristband's tag id.") var tag: String

    func run() throws {
        try postPersonCommand(
            options, "/v1/people/\(escaped(person))/wristband", ["officer": officer, "tag": tag],
            done: "wristband \(tag) on \(person)")
    }
}
