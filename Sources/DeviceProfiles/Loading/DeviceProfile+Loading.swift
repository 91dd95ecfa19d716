internal import Yams

extension DeviceProfile {
    /// Parses and validates one profile.
    ///
    /// - Parameters:
    ///   - yaml: The file's text.
    ///   - file: The name used in diagnostics, e.g. `devices/xy-md02.yaml`.
    /// - Throws: ``ProfileLoadError`` with every problem found in the file, each with its line and column.
    public init(yaml: String, file: String) throws(ProfileLoadError) {
        let diagnostics = Diagnostics(file: file)
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            diagnostics.report(at: Self.location(of: error, file: file), "yaml", Self.message(of: error))
            throw ProfileLoadError(diagnostics: diagnostics.sorted)
        }
        guard let root else {
            diagnostics.report(at: SourceLocation(file: file, line: 1, column: 1), "profile", "the file is empty")
            throw ProfileLoadError(diagnostics: diagnostics.sorted)
        }
        let parser = ProfileParser(diagnostics: diagnostics)
        let profile = parser.parseProfile(root)
        if let profile {
            ProfileValidator(
                profile: profile, diagnostics: diagnostics, declaredPointNames: parser.declaredPointNames,
                declaredCommandNames: parser.declaredCommandNames
            ).validate()
        }
        guard let profile, diagnostics.items.isEmpty else { throw ProfileLoadError(diagnostics: diagnostics.sorted) }
        self = profile
    }

    private static func location(of error: any Error, file: String) -> SourceLocation {
        let mark: Mark? =
            switch error as? YamlError {
            case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): mark
            case .duplicatedKeysInMapping(_, let context): context.mark
            default: nil
            }
        return SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    private static func message(of error: any Error) -> String {
        switch error as? YamlError {
        case .scanner(let context, let problem, _, _), .parser(let context, let problem, _, _),
            .composer(let context, let problem, _, _):
            "not valid YAML: " + [context?.text, problem].compactMap { $0 }.joined(separator: " ")
        case .duplicatedKeysInMapping(let duplicates, _):
            "duplicate key \(duplicates.map { "'\($0)'" }.joined(separator: ", ")) in one mapping"
        default:
            "not valid YAML: \(error)"
        }
    }
}
