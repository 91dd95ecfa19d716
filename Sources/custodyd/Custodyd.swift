import ArgumentParser

/// The station daemon.
@main
struct Custodyd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "custodyd",
        abstract: "The custody-area controller daemon.",
        subcommands: [RunCommand.self, CheckConfigCommand.self]
    )
}
