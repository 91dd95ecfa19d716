import ArgumentParser

/// The command line for technicians, officers, supervisors and auditors.
@main
struct CustodyCtl: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "custodyctl",
        abstract: "Diagnose devices, check profiles, and audit the custody journal.",
        subcommands: [
            StatusCommand.self, EventsCommand.self, PeopleCommand.self, TimelineCommand.self, AlertsCommand.self, AckCommand.self,
            RegisterCommand.self, WristbandCommand.self, IntakeCommand.self, WelfareCommand.self, RecorderCommand.self,
            ApproveCommand.self, MeasureCommand.self, ReleaseCommand.self,
            DiagCommand.self, ProfilesCommand.self, JournalCommand.self, ExportCommand.self,
        ]
    )
}
