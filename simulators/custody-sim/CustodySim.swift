import ArgumentParser

/// Serves device profiles over Modbus and runs scenarios against the core, for tests and commissioning.
@main
struct CustodySim: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "custody-sim",
        abstract: "Simulate custody-area devices and run scenarios.",
        subcommands: [ServeCommand.self, ScenarioCommand.self]
    )

    static func main() async {
        await main(Self.givingBareWireAValue(Array(CommandLine.arguments.dropFirst())))
    }

    /// `serve --station FILE --wire` takes `--wire` without a value (each RTU bus's own line), while a single
    /// endpoint's `--wire` names a line; a bare `--wire` (last, or before another option) is passed on as
    /// `--wire=bus`, which only `--station` accepts.
    static func givingBareWireAValue(_ arguments: [String]) -> [String] {
        arguments.enumerated().map { index, argument in
            guard argument == "--wire" else { return argument }
            let valueFollows = index + 1 < arguments.count && !arguments[index + 1].hasPrefix("-")
            return valueFollows ? argument : "--wire=\(ServeCommand.busWire)"
        }
    }
}
