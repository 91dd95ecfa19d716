import ArgumentParser

/// Serves device profiles over Modbus and runs scenarios against the core, for tests and commissioning.
@main
struct CustodySim: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "custody-sim",
        abstract: "Simulate custody-area devices and run scenarios.",
        subcommands: [ServeCommand.self, ScenarioCommand.self]
    )
}
