internal import Foundation

/// All device profiles of a directory (normally `devices/`), by id.
public struct ProfileLibrary: Sendable {
    /// The profiles, sorted by id.
    public let profiles: [DeviceProfile]

    public init(profiles: [DeviceProfile]) {
        self.profiles = profiles.sorted { $0.id < $1.id }
    }

    /// The profile with `id`, if loaded.
    public func profile(id: String) -> DeviceProfile? { profiles.first { $0.id == id } }

    /// Loads every `*.yaml` in `directory`; throws if any file has a problem, or if two files use
    /// the same profile id, with every problem of every file.
    public static func load(directory: String) throws(ProfileLoadError) -> ProfileLibrary {
        let result = check(directory: directory)
        guard result.diagnostics.isEmpty else { throw ProfileLoadError(diagnostics: result.diagnostics) }
        return ProfileLibrary(profiles: result.profiles)
    }

    /// Loads what can be loaded and returns it together with every problem found, for
    /// `custodyctl profiles check`. Files are read in name order.
    public static func check(directory: String) -> (profiles: [DeviceProfile], diagnostics: [ProfileDiagnostic]) {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
                .filter { $0.hasSuffix(".yaml") }.sorted()
        } catch {
            let location = SourceLocation(file: directory, line: 0, column: 0)
            return ([], [ProfileDiagnostic(location: location, field: "directory", message: "cannot list the directory")])
        }
        var profiles: [DeviceProfile] = []
        var diagnostics: [ProfileDiagnostic] = []
        var firstFile: [String: SourceLocation] = [:]
        for name in names {
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                let location = SourceLocation(file: path, line: 1, column: 1)
                diagnostics.append(ProfileDiagnostic(location: location, field: "file", message: "cannot be read as UTF-8 text"))
                continue
            }
            do {
                let profile = try DeviceProfile(yaml: text, file: path)
                if let first = firstFile[profile.id] {
                    diagnostics.append(ProfileDiagnostic(
                        location: profile.location, field: "profile",
                        message: "duplicate profile id '\(profile.id)' (also in \(first.file))"))
                    continue
                }
                firstFile[profile.id] = profile.location
                profiles.append(profile)
            } catch {
                diagnostics.append(contentsOf: error.diagnostics)
            }
        }
        return (profiles, diagnostics)
    }
}
