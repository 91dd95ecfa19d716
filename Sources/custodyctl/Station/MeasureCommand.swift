import ArgumentParser

/// `custodyctl measure PERSON MEASURE --reason TEXT`: change the legal measure.
struct MeasureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "measure", abstract: "Change a person's legal measure (the absolute clock continues).")

    @OptionGroup var options: StationOptions
    @Option(help: "The officer's id.") var officer: String
    @Argument(help: "The person's id.") var person: String
    @Argument(help: "The new measure (e.g. criminal_detention).") var measure: String
    @Option(help: "Why.") var reason: String

    func run() throws {
        try postPersonCommand(
            options, "/v1/people/\(escaped(person))/measure", ["officer": officer, "measure": measure, "reason": reason],
            done: "\(person) now under \(measure)")
    }
}
