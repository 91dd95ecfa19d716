import ArgumentParser

/// `custodyctl recorder REC on|off`: report an interview-room recorder that the station file gives
/// `source: api` (one wired to a device point reports itself).
struct RecorderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recorder", abstract: "Report an interview-room recorder started (on) or stopped (off) (REC-01).")

    @OptionGroup var options: StationOptions
    @Option(help: "The reporting officer's id.") var officer: String
    @Argument(help: "The recorder's id from the station file.") var recorder: String
    @Argument(help: "on or off.") var state: String

    func validate() throws {
        guard ["on", "off"].contains(state) else { throw ValidationError("the state is 'on' or 'off', got '\(state)'") }
    }

    func run() throws {
        try postPersonCommand(
            options, "/v1/recorders/\(escaped(recorder))", ["officer": officer, "running": state == "on"],
            done: "recorder \(recorder) reported \(state)")
    }
}
