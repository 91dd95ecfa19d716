import ArgumentParser
import DeviceProfiles
import Foundation
import Logging
import StationConfig
import StationService
import TerminationSignals

/// `custodyd run`: the station daemon.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the station: poll the field buses, enforce the rules, journal everything, serve the API.",
        discussion: """
            Exit codes: 0 after SIGTERM or SIGINT (journal flushed, locks left to close on their own \
            pulse timers); 78 when the station file or the options are wrong; 74 when the journal \
            cannot be opened or replayed.
            """)

    @Option(name: .customLong("config"), help: ArgumentHelp("The station file.", valueName: "file"))
    var file = Station.defaultPath

    @Option(help: ArgumentHelp(
        "The device profiles (default: \(CheckConfigCommand.installedProfiles), or ./devices when that is missing).",
        valueName: "dir"))
    var profiles: String?

    @Option(name: .customLong("time-scale"), help: ArgumentHelp(
        "Run station time N times faster than real time. Simulations only: refused unless the station file says 'simulation: true'.",
        valueName: "N"))
    var timeScale: Double?

    @Option(name: .customLong("api-socket"), help: ArgumentHelp("Serve the API on this Unix socket instead of the station file's.", valueName: "path"))
    var apiSocket: String?

    @Option(name: .customLong("api-tcp"), help: ArgumentHelp("Serve the API on this HOST:PORT instead of the station file's (port 0 picks one).", valueName: "host:port"))
    var apiTCP: String?

    @Option(help: ArgumentHelp("trace, debug, info, notice, warning, error or critical.", valueName: "level"))
    var logLevel: String = "info"

    func run() async throws {
        let level = Logger.Level(rawValue: logLevel) ?? .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "custodyd")
        let termination = TerminationSignals.install()
        let notifier = SystemdNotifier()
        let directory = profiles ?? (FileManager.default.fileExists(atPath: CheckConfigCommand.installedProfiles) ? CheckConfigCommand.installedProfiles : "devices")
        let library = ProfileLibrary.check(directory: directory)
        guard library.diagnostics.isEmpty else {
            library.diagnostics.forEach { printError("\($0)") }
            printError("custodyd: the device profiles in \(directory) have errors; not starting")
            throw ExitCode(78)
        }
        let station: Station
        do {
            let loaded = try Station.load(file: file, profiles: ProfileLibrary(profiles: library.profiles))
            loaded.warnings.forEach { logger.warning("\($0)") }
            station = loaded.station
        } catch {
            error.diagnostics.forEach { printError("\($0)") }
            printError("custodyd: \(file) has \(error.errors.count) error(s); not starting (check it with: custodyd check-config \(file))")
            throw ExitCode(78)
        }
        let daemon: StationDaemon
        let replay = ReplayProgress(notifier: notifier, logger: logger)
        do {
            daemon = try StationDaemon(
                .init(station: station, profiles: ProfileLibrary(profiles: library.profiles), timeScale: timeScale,
                      unixSocket: apiSocket, tcpListen: apiTCP, replayProgress: { replay.report($0) }),
                logger: logger)
            try await daemon.start()
        } catch {
            printError("custodyd: \(error)")
            if case .journal = error { throw ExitCode(74) }
            throw ExitCode(78)
        }
        try? notifier.notify(.ready, .status("station \(station.id): \(station.devices.count) devices on \(station.buses.count) buses"))
        daemon.superviseWatchdog(notifier: notifier)
        await termination.wait()
        logger.info("stopping: SIGTERM or SIGINT")
        try? notifier.notify(.stopping)
        await daemon.stop()
    }

    private func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
