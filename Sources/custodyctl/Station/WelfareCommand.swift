import ArgumentParser

/// `custodyctl welfare PERSON KIND RESPONSE`: log water, meals, rest and bedding.
struct WelfareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "welfare", abstract: "Log a welfare offer or event (water, meal, rest_start, rest_end, bedding).")

    @OptionGroup var options: StationOptions
    @Option(help: "The officer's id.") var officer: String
    @Argument(help: "The person's id.") var person: String
    @Argument(help: "water, meal, rest_start, rest_end or bedding.") var kind: String
    @Argument(help: "offered, accepted or refused.") var response = "accepted"

    func run() throws {
        try postPersonCommand(
            options, "/v1/people/\(escaped(person))/welfare", ["officer": officer, "kind": kind, "response": response],
            done: "\(kind) \(response) logged for \(person)")
    }
}
