import ArgumentParser
import DeviceProfiles
import Foundation
import Simulator
import TerminationSignals
import StationConfig

extension ServeCommand {
    /// The value a bare `--wire` becomes (see ``CustodySim/main()``): each RTU bus's own line.
    static let busWire = "bus"

    /// sysexits' EX_CONFIG, as custodyd exits for an invalid station file (systemd does not restart on it).
    static let configurationError: Int32 = 78

    func validateStation() throws {
        let endpointOptions = [
            ("--profile", profile != nil), ("--unit", !unit.isEmpty), ("--device", !device.isEmpty), ("--tcp", tcp != nil),
            ("--rtu-pty", rtuPTY), ("--link", link != nil),
        ]
        if let (name, _) = endpointOptions.first(where: \.1) {
            throw ValidationError("\(name) serves one endpoint; --station serves the buses its file names")
        }
        if let wire, wire != Self.busWire {
            throw ValidationError("with --station, give --wire alone: each RTU bus runs at its own line from the station file")
        }
    }

    /// Serves every bus of the station file until SIGINT or SIGTERM.
    func serveStation(file: String) async throws {
        let (station, library) = try loadStation(file: file)
        let server: StationServer
        do {
            server = try StationServer(station: station, profiles: library, wire: wire != nil, seed: seed)
        } catch {
            var standardError = StandardError()
            print("\(file): cannot serve: \(error)", to: &standardError)
            throw ExitCode.failure
        }
        let simulation = server.simulation
        var controlServer: ControlServer?
        if let control, control != "-" {
            do {
                controlServer = try ControlServer(path: control) { simulation.control($0, connection: $1) }
            } catch {
                server.stop()
                throw error
            }
        }
        let termination = TerminationSignals.install()  // before the ready line: a stop right after it is kept
        var lines = server.endpoints.map(\.readyLine)
        lines.append(server.readyLine(control: control))
        FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))
        if control == "-" {
            Thread {
                while let line = readLine() {
                    FileHandle.standardOutput.write(Data((simulation.control(line) + "\n").utf8))
                }
            }.start()
        }
        await termination.wait()
        controlServer?.stop()
        server.stop()
    }

    /// The station file and the profiles, or their errors (and warnings) as file:line:column on standard
    /// error and exit 78.
    private func loadStation(file: String) throws -> (Station, ProfileLibrary) {
        let checked = ProfileLibrary.check(directory: profiles)
        let profileErrors = checked.diagnostics.map {
            StationDiagnostic(severity: .error, location: $0.location, field: $0.field, message: $0.message)
        }
        let library = ProfileLibrary(profiles: checked.profiles)
        let result = Station.check(file: file, profiles: library)
        var standardError = StandardError()
        for diagnostic in profileErrors + result.diagnostics { print(diagnostic, to: &standardError) }
        guard profileErrors.isEmpty, let station = result.station else {
            let errors = (profileErrors + result.diagnostics).filter { $0.severity == .error }.count
            print("\(file): \(errors) error(s); nothing served", to: &standardError)
            throw ExitCode(Self.configurationError)
        }
        return (station, library)
    }
}
