public import DeviceProfiles
internal import Foundation

extension Station {
    /// Checks a station file against the device profiles and returns the station (when there is no
    /// error) with every error and warning, each at its `file:line:column`.
    ///
    /// - Parameters:
    ///   - file: The station file's path; a `roster:` it names is read relative to its folder.
    ///   - profiles: The device profiles its devices name.
    public static func check(file: String, profiles: ProfileLibrary) -> StationCheck {
        guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
            let location = SourceLocation(file: file, line: 0, column: 0)
            return StationCheck(station: nil, diagnostics: [
                StationDiagnostic(severity: .error, location: location, field: "file", message: "cannot be read as UTF-8 text"),
            ])
        }
        return check(yaml: text, file: file, profiles: profiles, readFile: Self.readText)
    }

    /// Checks station-file text; `readFile` supplies a roster file's text (`nil` when it cannot be read).
    public static func check(
        yaml: String, file: String, profiles: ProfileLibrary, readFile: @escaping (String) -> String? = Station.readText
    ) -> StationCheck {
        let diagnostics = Diagnostics(file: file)
        guard let root = StationYAML.compose(yaml, diagnostics: diagnostics) else {
            return StationCheck(station: nil, diagnostics: diagnostics.sorted)
        }
        let station = StationParser(diagnostics: diagnostics, profiles: profiles, readFile: readFile).parseStation(root)
        return StationCheck(station: diagnostics.hasErrors ? nil : station, diagnostics: diagnostics.sorted)
    }

    /// Loads a station file for the daemon.
    ///
    /// - Returns: The station, with any warnings.
    /// - Throws: ``StationLoadError`` with every error and warning when there is any error.
    public static func load(file: String, profiles: ProfileLibrary) throws(StationLoadError) -> (station: Station, warnings: [StationDiagnostic]) {
        let result = check(file: file, profiles: profiles)
        guard let station = result.station else { throw StationLoadError(diagnostics: result.diagnostics) }
        return (station, result.warnings)
    }

    /// A file's UTF-8 text, or `nil`.
    public static func readText(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).flatMap { String(data: $0, encoding: .utf8) }
    }
}
