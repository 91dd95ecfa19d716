import CustodyCore
import Foundation
import Yams

/// Reads a scenario file. Every error names the file, line, field and what was expected there.
struct ScenarioParser {
    let file: String
    let directory: String

    static let commandNames = [
        "register", "assign_wristband", "return_wristband", "safety_check_done", "health_intake", "belongings_listed",
        "approve_extension", "change_measure", "transfer_case", "welfare", "round_logged", "guardian_present",
        "acknowledge_alert", "release", "approve_out_of_area", "log_reason", "move_clock_start", "detention_duty_done",
    ]
    static let observationNames = [
        "tag_seen", "tag_lost", "strap", "tag_battery", "access_request", "door_position", "lock_state", "sensor",
        "fire", "recorder", "device",
    ]
    static let stepKinds = ["command", "see", "observe", "advance", "expect", "never"]

    func fail(_ node: Node?, _ field: String, _ expected: String) -> ScenarioError {
        ScenarioError(file: file, line: node?.mark?.line ?? 0, column: node?.mark?.column ?? 0, field: field, expected: expected)
    }

    func parse(_ text: String) throws(ScenarioError) -> Scenario {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else { throw fail(nil, "", "expected a scenario mapping, found an empty file") }
            root = node
        } catch let error as ScenarioError {
            throw error
        } catch {
            throw fail(nil, "", "not valid YAML: \(error)")
        }
        guard let top = root.mapping else { throw fail(root, "", "expected a mapping with name, start, station and steps") }
        for (key, _) in top where !["name", "description", "start", "station", "station_file", "steps", "never"].contains(key.string ?? "") {
            throw fail(key, key.string ?? "?", "unknown field; expected name, description, start, station or station_file, steps, never")
        }
        let name = try string(top["name"], "name")
        guard let startNode = top["start"], let startText = startNode.string, let start = ScenarioTime.instant(startText) else {
            throw fail(top["start"] ?? root, "start", "expected a start time with its zone offset, like 2026-11-25T10:00:00+08:00")
        }
        var parameters = RuleParameters.defaults
        parameters.station = StationTime(utcOffsetMinutes: start.offsetMinutes)
        let layout = try station(top, root)
        var steps: [Scenario.Step] = []
        if let sequence = top["steps"]?.sequence {
            for (index, node) in sequence.enumerated() { steps.append(try step(node, "steps[\(index)]")) }
        } else {
            throw fail(top["steps"] ?? root, "steps", "expected a list of steps")
        }
        for (index, node) in (top["never"]?.sequence ?? []).enumerated() {
            steps.append(Scenario.Step(line: node.mark?.line ?? 0, at: nil, action: .never(try match(node, "never[\(index)]", levelAllowed: true))))
        }
        return Scenario(name: name, file: file, start: start.time, layout: layout, parameters: parameters, steps: steps)
    }

    private func string(_ node: Node?, _ field: String) throws(ScenarioError) -> String {
        guard let node, let text = node.string, node.scalar != nil else { throw fail(node, field, "expected a text value") }
        return text
    }

    private func station(_ top: Node.Mapping, _ root: Node) throws(ScenarioError) -> StationLayout {
        if let inline = top["station"] { return try layout(inline, field: "station", parser: self) }
        guard let reference = top["station_file"]?.string else {
            throw fail(root, "station", "expected station (a layout mapping) or station_file (a path)")
        }
        let path = reference.hasPrefix("/") ? reference : "\(directory)/\(reference)"
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw fail(top["station_file"], "station_file", "expected a readable station layout file, cannot read \(path)")
        }
        let nested = ScenarioParser(file: path, directory: directory)
        do {
            guard let node = try Yams.compose(yaml: text) else { throw nested.fail(nil, "", "expected a station layout, found an empty file") }
            return try layout(node, field: "", parser: nested)
        } catch let error as ScenarioError {
            throw error
        } catch {
            throw nested.fail(nil, "", "not valid YAML: \(error)")
        }
    }

    private func layout(_ node: Node, field: String, parser: ScenarioParser) throws(ScenarioError) -> StationLayout {
        guard let map = node.mapping else { throw parser.fail(node, field, "expected a layout mapping (zones, doors, readers, recorders, sensors, officers)") }
        func list<T: Decodable>(_ key: String, _ type: T.Type) throws(ScenarioError) -> [T] {
            guard let child = map[key] else { return [] }
            return try parser.decode([T].self, child, field.isEmpty ? key : "\(field).\(key)")
        }
        return StationLayout(
            zones: try list("zones", StationLayout.Zone.self), doors: try list("doors", StationLayout.Door.self),
            readers: try list("readers", StationLayout.ZoneDevice.self), recorders: try list("recorders", StationLayout.ZoneDevice.self),
            sensors: try list("sensors", StationLayout.ZoneDevice.self), officers: try list("officers", StationLayout.Officer.self))
    }

    /// Decodes a value with the core's own coding, mapping a decoding error back to its node.
    func decode<T: Decodable>(_ type: T.Type, _ node: Node, _ field: String) throws(ScenarioError) -> T {
        do {
            return try YAMLDecoder().decode(type, from: node)
        } catch let error as DecodingError {
            let (path, expected) = Self.explain(error)
            var place = node
            var name = field
            for key in path {
                if let index = key.intValue, let items = place.sequence, index < items.count {
                    place = items[index]
                    name += "[\(index)]"
                } else if let child = place.mapping?[key.stringValue] {
                    place = child
                    name += ".\(key.stringValue)"
                } else if key.intValue == nil {
                    name += ".\(key.stringValue)"
                }
            }
            throw fail(place, name, expected)
        } catch {
            throw fail(node, field, "\(error)")
        }
    }

    private static func explain(_ error: DecodingError) -> ([any CodingKey], String) {
        switch error {
        case .typeMismatch(let type, let context): (context.codingPath, "expected \(readable(type)); \(context.debugDescription)")
        case .valueNotFound(let type, let context): (context.codingPath, "expected \(readable(type)), found nothing")
        case .keyNotFound(let key, let context): (context.codingPath, "missing required field `\(key.stringValue)`")
        case .dataCorrupted(let context): (context.codingPath, context.debugDescription)
        @unknown default: ([], "\(error)")
        }
    }

    private static func readable(_ type: Any.Type) -> String {
        let name = String(describing: type)
        return name.contains("Identifier") ? "an identifier" : name
    }
}
