import ArgumentParser
import Foundation
import Simulator

/// `custody-sim scenario`: scenarios against the core in virtual time.
struct ScenarioCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scenario",
        abstract: "Run scenarios against the custody core in virtual time.",
        subcommands: [Run.self])

    /// `custody-sim scenario run FILE…`
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "run",
            abstract: "Run scenario files; print every alert and effect as JSON lines.",
            discussion: """
                Exits 0 when every expectation of every file holds, 1 when one does not (the difference is
                printed on standard error), 2 when a file cannot be read or parsed.
                The format is described in simulators/scenarios/README.md.
                """)

        @Argument(help: "Scenario files (YAML).") var files: [String]
        @Flag(help: "Print only the verdicts, not the effects.") var quiet = false
        @Option(help: "Record every input and effect in this journal (created if missing), as the daemon would.")
        var journal: String?

        func run() throws {
            var failed = false
            for file in files {
                let report: ScenarioRunner.Report
                do {
                    report = try ScenarioRunner.run(file: file, journalPath: journal)
                } catch {
                    printError("\(error)")
                    throw ExitCode(2)
                }
                if !quiet { for line in report.lines { print(line) } }
                if report.passed {
                    printError("PASS \(file): \(report.name)")
                } else {
                    failed = true
                    printError("FAIL \(file): \(report.name)")
                    for failure in report.failures { printError(failure) }
                }
            }
            if failed { throw ExitCode(1) }
        }

        private func printError(_ text: String) {
            var stream = StandardError()
            print(text, to: &stream)
        }
    }
}

/// Standard error as a text stream.
struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        FileHandle.standardError.write(Data(string.utf8))
    }
}
