import ArgumentParser
import DeviceProfiles

/// `custodyctl profiles check [DIR]`: validates every device profile, for technicians and CI.
struct ProfilesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profiles",
        abstract: "Work with device profiles (devices/*.yaml).",
        subcommands: [Check.self]
    )

    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Load and validate every profile; print each problem as file:line:column: message.",
            discussion: "Exits non-zero if any profile has a problem."
        )

        @Argument(help: "The directory of profiles.")
        var directory = "devices"

        func run() async throws {
            let result = ProfileLibrary.check(directory: directory)
            for diagnostic in result.diagnostics {
                print(diagnostic)
            }
            guard result.diagnostics.isEmpty else {
                let files = Set(result.diagnostics.map(\.location.file)).count
                print("\(result.diagnostics.count) problem(s) in \(files) file(s)")
                throw ExitCode.failure
            }
            print("\(result.profiles.count) profiles OK")
        }
    }
}
