internal import DeviceProfiles
internal import Foundation
internal import Yams

extension StationParser {
    /// Officers from `officers:` or from the roster file `roster:` names (relative to the station file).
    func parseOfficers(officers: Node?, roster: Node?, rosterKey: Node?) -> ([StationOfficer], String?) {
        if officers != nil, roster != nil {
            diagnostics.report(rosterKey, "roster", "give officers or roster, not both")
            return ([], nil)
        }
        guard let roster else { return (officerList(officers, diagnostics: diagnostics), nil) }
        guard let written = read.string(roster, "roster"), let name = expand(written, roster, "roster") else { return ([], nil) }
        let path = name.hasPrefix("/") ? name : Self.folder(of: diagnostics.file) + name
        guard let text = readFile(path) else {
            diagnostics.report(roster, "roster", "cannot read the roster file '\(path)'")
            return ([], path)
        }
        let rosterDiagnostics = Diagnostics(file: path, schema: .station)
        defer { diagnostics.append(rosterDiagnostics.items) }
        guard let root = YAMLDocument.compose(text, diagnostics: rosterDiagnostics) else { return ([], path) }
        guard let map = MappingView(root, path: "", diagnostics: rosterDiagnostics) else { return ([], path) }
        map.checkKeys(required: ["officers"], optional: ["version"], diagnostics: rosterDiagnostics)
        let reader = ScalarReader(diagnostics: rosterDiagnostics)
        if let version = reader.integer(map["version"], "version"), version != 1 {
            rosterDiagnostics.report(map["version"], "version", "expected roster version 1, got \(version)")
        }
        return (officerList(map["officers"], diagnostics: rosterDiagnostics), path)
    }

    /// The folder part of `file`, with a trailing `/`, or empty for a bare name.
    static func folder(of file: String) -> String {
        guard let slash = file.lastIndex(of: "/") else { return "" }
        return String(file[...slash])
    }

    private func officerList(_ node: Node?, diagnostics: Diagnostics) -> [StationOfficer] {
        let parser = diagnostics === self.diagnostics ? self : StationParser(
            diagnostics: diagnostics, profiles: profiles, readFile: readFile, environment: environment)
        let read = parser.read
        var tags: [String: (id: String, line: Int)] = [:]
        var result: [StationOfficer] = []
        for item in parser.items(node, "officers", anyCase: true) {
            let map = item.map
            map.checkKeys(required: ["id", "name", "sex", "tag"], optional: ["note"], diagnostics: diagnostics)
            let name = read.string(map["name"], map.field("name"))
            let sex = read.choice(map["sex"], map.field("sex"), as: StationOfficer.Sex.self)
            _ = read.string(map["note"], map.field("note"))
            var tag = read.string(map["tag"], map.field("tag")).map { $0.uppercased() }
            if let text = tag, !(4...32).contains(text.count) || !text.allSatisfy(\.isHexDigit) {
                diagnostics.report(map["tag"], map.field("tag"), "expected a tag id of 4 to 32 hex digits as the readers report it, got '\(text)'")
                tag = nil
            }
            if let text = tag, let first = tags[text] {
                diagnostics.report(map["tag"], map.field("tag"), "tag \(text) is already officer '\(first.id)' (line \(first.line))")
                tag = nil
            }
            guard let name, let sex, let tag else { continue }
            tags[tag] = (item.id, map["tag"]?.mark?.line ?? 0)
            result.append(StationOfficer(id: item.id, name: name, sex: sex, tag: tag, location: diagnostics.location(of: map.node)))
        }
        return result
    }
}
