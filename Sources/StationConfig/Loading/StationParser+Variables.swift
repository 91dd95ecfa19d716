internal import DeviceProfiles
internal import Yams

extension StationParser {
    /// Expands `${NAME}` and `${NAME:-default}` in a path from the environment, so one file can
    /// serve several run folders (the demo's `${CUSTODYD_DEMO_DIR:-/tmp/custodyd-demo}`). Only paths
    /// are expanded; a `$` not followed by `{` is kept as written. The search is the standard library's
    /// (by characters), not Foundation's `range(of:)`, which would map CoreFoundation's Unicode tables
    /// into the daemon for a two-character ASCII pattern.
    func expand(_ text: String, _ node: Node?, _ field: String) -> String? {
        var result = ""
        var rest = Substring(text)
        while let dollar = rest.firstRange(of: "${") {
            result += rest[..<dollar.lowerBound]
            guard let close = rest[dollar.upperBound...].firstIndex(of: "}") else {
                diagnostics.report(node, field, "unterminated '${' in '\(text)'")
                return nil
            }
            let body = rest[dollar.upperBound..<close]
            let parts = body.split(separator: ":-", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(parts[0])
            guard Self.isVariableName(name) else {
                diagnostics.report(node, field, "expected ${NAME} or ${NAME:-default} with NAME of A-Z, 0-9 and _, got '${\(body)}'")
                return nil
            }
            if let value = environment[name], !value.isEmpty {
                result += value
            } else if parts.count == 2 {
                result += parts[1]
            } else {
                diagnostics.report(node, field, "environment variable \(name) is not set and '${\(body)}' gives no default")
                return nil
            }
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    private static func isVariableName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }
}
