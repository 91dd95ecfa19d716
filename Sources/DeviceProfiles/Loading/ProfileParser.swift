internal import Yams
internal import Modbus

/// Turns one composed YAML document into a ``DeviceProfile``, reporting every problem it meets.
final class ProfileParser {
    let diagnostics: Diagnostics
    let read: ScalarReader
    /// Names written for points and commands, including those that failed to parse, so the
    /// validator does not pile follow-on errors onto one mistake.
    private(set) var declaredPointNames: Set<String> = []
    private(set) var declaredCommandNames: Set<String> = []

    init(diagnostics: Diagnostics) {
        self.diagnostics = diagnostics
        read = ScalarReader(diagnostics: diagnostics)
    }

    static let topLevelRequired = ["profile", "version", "kind", "transport", "points"]
    static let topLevelOptional = [
        "vendor", "model", "description", "serial_defaults", "timing", "poll", "commands", "events",
        "identify", "simulation",
    ]

    func parseProfile(_ root: Node) -> DeviceProfile? {
        guard let map = MappingView(root, path: "", diagnostics: diagnostics) else { return nil }
        map.checkKeys(required: Self.topLevelRequired, optional: Self.topLevelOptional, diagnostics: diagnostics)

        let id = profileID(map["profile"])
        let version = read.integer(map["version"], "version")
        if let version, !DeviceProfile.supportedVersions.contains(version) {
            diagnostics.report(map["version"], "version", "expected schema version 1, got \(version)")
        }
        let kind = read.choice(map["kind"], "kind", as: DeviceKind.self)
        let transports = parseTransports(map["transport"])
        let serial = map["serial_defaults"].flatMap { parseSerial($0) }
        if transports?.contains(.rtu) == true, map["serial_defaults"] == nil {
            diagnostics.report(root, "serial_defaults", "missing required key 'serial_defaults' for an rtu profile")
        }
        let timing = map["timing"].map { parseTiming($0) } ?? DeviceTiming()
        let poll = map["poll"].map { parsePoll($0) } ?? PollSettings()
        declaredPointNames = Self.names(in: map["points"])
        declaredCommandNames = Self.names(in: map["commands"])
        let points = (read.sequence(map["points"], "points") ?? []).enumerated().compactMap { parsePoint($1, index: $0) }
        let commands = (read.sequence(map["commands"], "commands") ?? []).enumerated()
            .compactMap { parseCommand($1, index: $0) }
        let events = (read.sequence(map["events"], "events") ?? []).enumerated().compactMap { parseEvent($1, index: $0) }
        let identify = (read.sequence(map["identify"], "identify") ?? []).enumerated()
            .compactMap { parseProbe($1, index: $0) }
        let simulation = map["simulation"].map { parseSimulation($0) } ?? []

        guard let id, let version, let kind, let transports else { return nil }
        return DeviceProfile(
            id: id, version: version, vendor: read.string(map["vendor"], "vendor") ?? "",
            model: read.string(map["model"], "model") ?? id, kind: kind, transports: transports,
            serialDefaults: serial, timing: timing, poll: poll, points: points, commands: commands, events: events,
            identify: identify, simulation: simulation, summary: read.string(map["description"], "description"),
            location: diagnostics.location(of: root))
    }

    private static func names(in list: Node?) -> Set<String> {
        Set((list?.sequence.map(Array.init) ?? []).compactMap { $0.mapping?["name"]?.string })
    }

    private func profileID(_ node: Node?) -> String? {
        guard let text = read.string(node, "profile") else { return nil }
        let valid = !text.isEmpty && text.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-"
        }
        guard valid else {
            diagnostics.report(node, "profile", "expected an id of a-z, 0-9 and -, got '\(text)'")
            return nil
        }
        return text
    }

    private func parseTransports(_ node: Node?) -> [Transport]? {
        guard let node else { return nil }
        let items = node.sequence.map(Array.init) ?? [node]
        let transports = items.compactMap { read.choice($0, "transport", as: Transport.self) }
        guard transports.count == items.count else { return nil }
        guard !transports.isEmpty else {
            diagnostics.report(node, "transport", "expected at least one of rtu, tcp")
            return nil
        }
        return transports
    }

    /// A `true`/`false` or a number, as written in `verify.expect`, `trigger.equals` or `initial`.
    func expectedValue(_ node: Node?, _ field: String, allowText: Bool = false) -> ModbusValue? {
        guard let node else { return nil }
        switch node.scalar?.string {
        case "true": return .bool(true)
        case "false": return .bool(false)
        case let text?:
            if let literal = IntegerLiteral(text) { return .double(Double(literal.value)) }
            if let number = Double(text), number.isFinite { return .double(number) }
            if allowText { return .string(text) }
        case nil: break
        }
        diagnostics.report(node, field, allowText ? "expected true, false, a number or a text" : "expected true, false or a number")
        return nil
    }

    /// Reports a point name that no point in the file declares, even when the item that names it
    /// fails to parse, so one pass shows every problem.
    func checkDeclared(_ name: String?, _ node: Node?, _ field: String) {
        guard let name, !declaredPointNames.contains(name) else { return }
        diagnostics.report(node, field, "no point named '\(name)' in this profile")
    }
}
