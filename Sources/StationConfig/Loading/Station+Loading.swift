public import DeviceProfiles
public import Foundation

extension Station {
    /// Checks a station file against the device profiles and returns the station (when there is no
    /// error) with every error and warning, each at its `file:line:column`.
    ///
    /// - Parameters:
    ///   - file: The station file's path; a `roster:` it names is read relative to its folder.
    ///   - profiles: The device profiles its devices name.
    ///   - environment: Values for `${NAME}` in paths; the process environment by default.
    public static func check(
        file: String, profiles: ProfileLibrary, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> StationCheck {
        guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
            let location = SourceLocation(file: file, line: 0, column: 0)
            let message = FileManager.default.fileExists(atPath: file) ? "cannot be read as UTF-8 text" : "no such file"
            return StationCheck(station: nil, diagnostics: [
                StationDiagnostic(severity: .error, location: location, field: "file", message: message),
            ])
        }
        return check(yaml: text, file: file, profiles: profiles, readFile: Self.readText, environment: environment)
    }

    /// Checks station-file text; `readFile` supplies a roster file's text (`nil` when it cannot be read).
    public static func check(
        yaml: String, file: String, profiles: ProfileLibrary, readFile: @escaping (String) -> String? = Station.readText,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> StationCheck {
        let diagnostics = Diagnostics(file: file, schema: .station)
        guard let root = YAMLDocument.compose(yaml, diagnostics: diagnostics) else {
            return StationCheck(station: nil, diagnostics: diagnostics.sorted.map(StationDiagnostic.init))
        }
        let station = StationParser(
            diagnostics: diagnostics, profiles: profiles, readFile: readFile, environment: environment
        ).parseStation(root)
        return StationCheck(
            station: diagnostics.hasErrors ? nil : station, diagnostics: diagnostics.sorted.map(StationDiagnostic.init))
    }

    /// Loads a station file for the daemon.
    ///
    /// - Returns: The station, with any warnings.
    /// - Throws: ``StationLoadError`` with every error and warning when there is any error.
    public static func load(
        file: String, profiles: ProfileLibrary, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(StationLoadError) -> (station: Station, warnings: [StationDiagnostic]) {
        let result = check(file: file, profiles: profiles, environment: environment)
        guard let station = result.station else { throw StationLoadError(diagnostics: result.diagnostics) }
        return (station, result.warnings)
    }

    /// A file's UTF-8 text, or `nil`.
    public static func readText(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).flatMap { String(data: $0, encoding: .utf8) }
    }
}
