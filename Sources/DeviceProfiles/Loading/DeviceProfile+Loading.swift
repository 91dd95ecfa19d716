internal import Yams

extension DeviceProfile {
    /// Parses and validates one profile.
    ///
    /// - Parameters:
    ///   - yaml: The file's text.
    ///   - file: The name used in diagnostics, e.g. `devices/xy-md02.yaml`.
    /// - Throws: ``ProfileLoadError`` with every problem found in the file, each with its line and column.
    public init(yaml: String, file: String) throws(ProfileLoadError) {
        let diagnostics = Diagnostics(file: file, schema: .profile)
        guard let root = YAMLDocument.compose(yaml, diagnostics: diagnostics) else {
            throw ProfileLoadError(diagnostics: diagnostics.sorted.map(ProfileDiagnostic.init))
        }
        let parser = ProfileParser(diagnostics: diagnostics)
        let profile = parser.parseProfile(root)
        if let profile {
            ProfileValidator(
                profile: profile, diagnostics: diagnostics, declaredPointNames: parser.declaredPointNames,
                declaredCommandNames: parser.declaredCommandNames
            ).validate()
        }
        guard let profile, diagnostics.items.isEmpty else {
            throw ProfileLoadError(diagnostics: diagnostics.sorted.map(ProfileDiagnostic.init))
        }
        self = profile
    }
}
