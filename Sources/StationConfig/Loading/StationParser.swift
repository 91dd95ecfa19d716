internal import DeviceProfiles
internal import Yams

/// Turns one composed station file into a ``Station``, checking it against the device profiles and
/// reporting every problem it meets at the node where it is written.
final class StationParser {
    let diagnostics: Diagnostics
    let read: ScalarReader
    let profiles: ProfileLibrary
    /// Reads a roster file: its text, or `nil` when it cannot be read.
    let readFile: (String) -> String?

    /// Ids written in each section, including items that fail to parse, so a reference to a broken
    /// item is not reported a second time.
    var declared: [Section: Set<String>] = [:]
    /// The kinds written for zones, by id, for watch-post and recorder-room checks.
    var declaredZoneKinds: [String: String] = [:]

    var buses: [String: ParsedBus] = [:]
    var busOrder: [String] = []
    var devices: [String: ParsedDevice] = [:]
    var deviceOrder: [String] = []
    var zones: [StationZone] = []
    var zoneNodes: [String: Node] = [:]
    var doors: [StationDoor] = []
    var recorders: [StationRecorder] = []
    var rules = RuleOverrides()
    /// Which zone lists a reader or sensor, and which door uses a lock device.
    var deviceUse: [String: (owner: String, node: Node)] = [:]

    init(diagnostics: Diagnostics, profiles: ProfileLibrary, readFile: @escaping (String) -> String?) {
        self.diagnostics = diagnostics
        read = ScalarReader(diagnostics: diagnostics)
        self.profiles = profiles
        self.readFile = readFile
    }

    /// The id-bearing sections of the file.
    enum Section: String {
        case buses, devices, zones, doors, recorders
    }

    static let topLevelRequired = ["version", "station", "buses", "devices", "zones"]
    static let topLevelOptional = [
        "simulation", "journal", "privacy", "doors", "recorders", "fire", "officers", "roster", "rules", "api",
    ]

    func parseStation(_ root: Node) -> Station? {
        guard let map = MappingView(root, path: "", diagnostics: diagnostics) else { return nil }
        map.checkKeys(required: Self.topLevelRequired, optional: Self.topLevelOptional, diagnostics: diagnostics)
        if let version = read.integer(map["version"], "version"), !Station.supportedVersions.contains(version) {
            diagnostics.report(map["version"], "version", "expected station file version 1, got \(version)")
        }
        for section in [Section.buses, .devices, .zones, .doors, .recorders] {
            declared[section] = Self.ids(in: map[section.rawValue])
        }
        for item in map["zones"]?.sequence.map(Array.init) ?? [] {
            if let id = item.mapping?["id"]?.string, let kind = item.mapping?["kind"]?.string { declaredZoneKinds[id] = kind }
        }
        let header = map["station"].flatMap { parseHeader($0) }
        let simulation = read.bool(map["simulation"], "simulation") ?? false
        let journal = parsePathSetting(map["journal"], "journal", key: "path") ?? Station.defaultJournalPath
        let idHashKey = parsePathSetting(map["privacy"], "privacy", key: "id_hash_key_file")
        rules = parseRules(map["rules"])
        parseBuses(map["buses"])
        parseDevices(map["devices"])
        parseRecorders(map["recorders"])
        parseZones(map["zones"])
        parseDoors(map["doors"])
        let fire = map["fire"].flatMap { parseFire($0) }
        let (officers, roster) = parseOfficers(officers: map["officers"], roster: map["roster"], rosterKey: map.keyNode("roster"))
        let api = map["api"].flatMap { parseAPI($0) } ?? APISettings()
        let finishedBuses = finishBuses()
        checkUse(fire: fire)
        checkSafety(simulation: simulation, hasFire: map["fire"] != nil, idHashKey: idHashKey, root: root)

        guard let header, !diagnostics.hasErrors else { return nil }
        return Station(
            id: header.id, name: header.name, timeZone: header.timeZone, simulation: simulation, journalPath: journal,
            idHashKeyFile: idHashKey, buses: finishedBuses, devices: deviceOrder.compactMap { devices[$0]?.device },
            zones: zones, doors: doors, recorders: recorders, fire: fire, officers: officers, rosterFile: roster,
            rules: rules, api: api, file: diagnostics.file)
    }

    private static func ids(in list: Node?) -> Set<String> {
        Set((list?.sequence.map(Array.init) ?? []).compactMap { $0.mapping?["id"]?.string })
    }

    /// A list item with a valid, unique id.
    struct Item {
        let map: MappingView
        let id: String
        let path: String
    }

    /// The items of a list section whose id is valid and not a repeat; reports the rest.
    func items(_ node: Node?, _ section: String, idKey: String = "id", anyCase: Bool = false) -> [Item] {
        var first: [String: Int] = [:]
        var result: [Item] = []
        for (index, element) in (read.sequence(node, section) ?? []).enumerated() {
            let indexed = "\(section)[\(index)]"
            guard let map = MappingView(element, path: indexed, diagnostics: diagnostics) else { continue }
            guard let idNode = map[idKey] else {
                diagnostics.report(element, "\(indexed).\(idKey)", "missing required key '\(idKey)'")
                continue
            }
            guard let id = read.identifier(idNode, "\(indexed).\(idKey)", anyCase: anyCase) else { continue }
            let path = "\(section).\(id)"
            if let line = first[id] {
                diagnostics.report(idNode, path, "duplicate \(idKey) '\(id)' (first at line \(line))")
                continue
            }
            first[id] = idNode.mark?.line ?? 0
            guard let named = MappingView(element, path: path, diagnostics: diagnostics) else { continue }
            result.append(Item(map: named, id: id, path: path))
        }
        return result
    }

    /// A reference to an id of `section`; reports one that no item declares.
    func reference(_ node: Node?, _ field: String, to section: Section, what: String) -> String? {
        guard let text = read.string(node, field) else { return nil }
        guard declared[section, default: []].contains(text) else {
            diagnostics.report(node, field, "no \(what) with id '\(text)'")
            return nil
        }
        return text
    }

    /// An absolute path under `key` of a one-key settings mapping such as `journal: {path: …}`.
    private func parsePathSetting(_ node: Node?, _ section: String, key: String) -> String? {
        guard let node, let map = MappingView(node, path: section, diagnostics: diagnostics) else { return nil }
        map.checkKeys(required: [key], optional: [], diagnostics: diagnostics)
        return absolutePath(map[key], map.field(key))
    }

    func absolutePath(_ node: Node?, _ field: String) -> String? {
        guard let text = read.string(node, field) else { return nil }
        guard text.hasPrefix("/") else {
            diagnostics.report(node, field, "expected an absolute path, got '\(text)'")
            return nil
        }
        return text
    }
}
