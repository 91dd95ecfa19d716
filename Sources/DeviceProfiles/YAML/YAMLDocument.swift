package import Yams

/// Composes YAML text into nodes, turning Yams errors into findings with their place.
///
/// Scalars are left untyped (Yams's `.basic` resolver): every reader takes a scalar's text and parses it
/// with the document's own rules (``IntegerLiteral``, `true`/`false`), so the default resolver's
/// regular expressions, which Foundation runs on ICU for every scalar and key, bought nothing but ICU's
/// code and data in the daemon's memory.
package enum YAMLDocument {
    /// The root node, or `nil` after reporting a syntax error or an empty file.
    package static func compose(_ text: String, diagnostics: Diagnostics) -> Node? {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text, .basic)
        } catch {
            diagnostics.report(at: location(of: error, file: diagnostics.file), "yaml", message(of: error))
            return nil
        }
        guard let root else {
            diagnostics.report(
                at: SourceLocation(file: diagnostics.file, line: 1, column: 1), diagnostics.schema.rootField,
                "the file is empty")
            return nil
        }
        return root
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
