import ArgumentParser

/// The command line for technicians, officers, supervisors and auditors.
@main
struct CustodyCtl: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "custodyctl",
        abstract: "Diagnose devices, check profiles, and audit the custody journal.",
        subcommands: [DiagCommand.self, ProfilesCommand.self, JournalCommand.self, ExportCommand.self]
    )
}
