import ArgumentParser
import DeviceProfiles
import Foundation
import StationConfig

/// `custodyd check-config FILE`: validates a station file against the device profiles, so a
/// technician finds every mistake before the daemon starts.
struct CheckConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-config",
        abstract: "Validate a station file against the device profiles.",
        discussion: """
            Prints every problem as file:line:column: field: message (warnings as \
            file:line:column: warning: field: message), then a summary when the file is valid. \
            Exits non-zero if there is any error; warnings alone do not fail.
            """)

    /// Where installed profiles live; a checkout's `devices/` is used when that is missing.
    static let installedProfiles = "/usr/share/custodyd/devices"

    @Argument(help: "The station file.")
    var file = Station.defaultPath

    @Option(help: ArgumentHelp(
        "The device profiles (default: \(CheckConfigCommand.installedProfiles), or ./devices when that is missing).",
        valueName: "dir"))
    var profiles: String?

    @Flag(help: "Print the result as JSON.")
    var json = false

    func run() async throws {
        let directory = profiles ?? (FileManager.default.fileExists(atPath: Self.installedProfiles) ? Self.installedProfiles : "devices")
        let library = ProfileLibrary.check(directory: directory)
        let profileErrors = library.diagnostics.map {
            StationDiagnostic(severity: .error, location: $0.location, field: $0.field, message: $0.message)
        }
        let result = Station.check(file: file, profiles: ProfileLibrary(profiles: library.profiles))
        let diagnostics = profileErrors + result.diagnostics
        let station = profileErrors.isEmpty ? result.station : nil
        if json {
            try printJSON(diagnostics: diagnostics, station: station, profiles: directory)
        } else {
            diagnostics.forEach { print($0) }
            if let station {
                print("\(file): OK (profiles from \(directory))")
                station.summaryLines.forEach { print("  " + $0) }
            } else {
                let errors = diagnostics.filter { $0.severity == .error }.count
                let warnings = diagnostics.count - errors
                print("\(file): \(errors) error(s), \(warnings) warning(s)")
            }
        }
        if station == nil { throw ExitCode.failure }
    }

    private func printJSON(diagnostics: [StationDiagnostic], station: Station?, profiles: String) throws {
        let report = Report(
            file: file, profiles: profiles, ok: station != nil,
            errors: diagnostics.filter { $0.severity == .error }.map(Report.Finding.init),
            warnings: diagnostics.filter { $0.severity == .warning }.map(Report.Finding.init),
            summary: station.map(Report.Summary.init))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        FileHandle.standardOutput.write(try encoder.encode(report) + Data("\n".utf8))
    }

    /// The `--json` output.
    struct Report: Encodable {
        struct Finding: Encodable {
            var file: String, line: Int, column: Int, field: String, message: String
            init(_ diagnostic: StationDiagnostic) {
                file = diagnostic.location.file
                line = diagnostic.location.line
                column = diagnostic.location.column
                field = diagnostic.field
                message = diagnostic.message
            }
        }

        struct Summary: Encodable {
            var station: String, timeZone: String, utcOffset: String, simulation: Bool
            var zones: Int, doors: Int, devices: Int, buses: Int, officers: Int, recorders: Int, ruleOverrides: Int
            init(_ station: Station) {
                self.station = station.id
                timeZone = station.timeZone.identifier
                utcOffset = station.timeZone.offsetText
                simulation = station.simulation
                zones = station.zones.count
                doors = station.doors.count
                devices = station.devices.count
                buses = station.buses.count
                officers = station.officers.count
                recorders = station.recorders.count
                ruleOverrides = station.rules.entries.count
            }
        }

        var file: String, profiles: String, ok: Bool
        var errors: [Finding], warnings: [Finding]
        var summary: Summary?
    }
}
