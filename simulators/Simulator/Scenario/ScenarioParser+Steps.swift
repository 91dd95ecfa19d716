import CustodyCore
import Yams

/// Steps: commands, observations, time and expectations.
extension ScenarioParser {
    func step(_ node: Node, _ field: String) throws(ScenarioError) -> Scenario.Step {
        guard let map = node.mapping else { throw fail(node, field, "expected a step mapping with one of \(Self.stepKinds.joined(separator: ", "))") }
        var at: TimeSpan?
        if let atNode = map["at"] {
            guard let text = atNode.string, let span = ScenarioTime.duration(text) else {
                throw fail(atNode, "\(field).at", "expected an offset from the start, like +90s, +2h30m")
            }
            at = span
        }
        let kinds = map.keys.compactMap(\.string).filter { $0 != "at" }
        guard kinds.count == 1, let kind = kinds.first, Self.stepKinds.contains(kind), let body = map[kind] else {
            throw fail(node, field, "expected exactly one of \(Self.stepKinds.joined(separator: ", ")) (besides at), found \(kinds.joined(separator: ", "))")
        }
        let line = node.mark?.line ?? 0
        let inner = "\(field).\(kind)"
        switch kind {
        case "command":
            return Scenario.Step(line: line, at: at, action: try command(body, inner))
        case "see":
            guard let tag = body["tag"]?.string, let zone = body["zone"]?.string else {
                throw fail(body, inner, "expected {tag: TAG, zone: ZONE}")
            }
            return Scenario.Step(line: line, at: at, action: .observe(.tagSeen(tag: TagID(tag), zone: ZoneID(zone))))
        case "observe":
            try oneOf(body, inner, Self.observationNames)
            return Scenario.Step(line: line, at: at, action: .observe(try decode(Observation.self, body, inner)))
        case "advance":
            guard let text = body.string, let span = ScenarioTime.duration(text) else {
                throw fail(body, inner, "expected a duration like 30s, 15m, 12h")
            }
            return Scenario.Step(line: line, at: at, action: .advance(span))
        case "expect":
            var by: TimeSpan?
            if let byNode = body["by"] {
                guard let text = byNode.string, let span = ScenarioTime.duration(text) else {
                    throw fail(byNode, "\(inner).by", "expected an offset from the start, like +12h")
                }
                by = span
            }
            return Scenario.Step(line: line, at: at, action: .expect(try match(body, inner, levelAllowed: true), by: by))
        default:
            return Scenario.Step(line: line, at: at, action: .never(try match(body, inner, levelAllowed: true)))
        }
    }

    private func oneOf(_ body: Node, _ field: String, _ names: [String]) throws(ScenarioError) {
        guard let map = body.mapping, map.count == 1, let key = map.keys.first?.string, names.contains(key) else {
            throw fail(body, field, "expected one of: \(names.joined(separator: ", "))")
        }
    }

    private func command(_ body: Node, _ field: String) throws(ScenarioError) -> Scenario.Step.Action {
        guard let map = body.mapping, let officer = map["by"]?.string else {
            throw fail(body, field, "expected {by: OFFICER, <command>: {...}}")
        }
        let rejected = map["rejected"]?.string
        var rest = map
        rest["by"] = nil
        rest["rejected"] = nil
        let actionNode = Node.mapping(rest)
        guard rest.count == 1, let name = rest.keys.first?.string, Self.commandNames.contains(name) else {
            throw fail(body, field, "expected one command besides by and rejected, one of: \(Self.commandNames.joined(separator: ", "))")
        }
        let action = try decode(CommandAction.self, actionNode, field)
        return .command(Command(by: OfficerID(officer), action), rejected: rejected)
    }

    func match(_ body: Node, _ field: String, levelAllowed: Bool) throws(ScenarioError) -> Scenario.AlertMatch {
        guard let map = body.mapping else { throw fail(body, field, "expected {rule: RULE-ID, level?, person?, zone?, …}") }
        for (key, _) in map where !["rule", "level", "condition", "person", "zone", "door", "tag", "by"].contains(key.string ?? "") {
            throw fail(key, "\(field).\(key.string ?? "?")", "unknown field; expected rule, level, condition, person, zone, door, tag, by")
        }
        guard let ruleNode = map["rule"], let rule = ruleNode.string.flatMap(RuleID.init(rawValue:)) else {
            throw fail(map["rule"] ?? body, "\(field).rule", "expected a rule id such as CLK-01, one of \(RuleID.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        var level: AlertLevel?
        if let levelNode = map["level"] {
            guard let parsed = levelNode.string.flatMap(AlertLevel.init(rawValue:)) else {
                throw fail(levelNode, "\(field).level", "expected one of warn, warn2, critical, alarm")
            }
            level = parsed
        }
        var result = Scenario.AlertMatch(rule: rule, level: level)
        result.condition = map["condition"]?.string
        if let text = map["person"]?.string { result.person = PersonID(text) }
        if let text = map["zone"]?.string { result.zone = ZoneID(text) }
        if let text = map["door"]?.string { result.door = DoorID(text) }
        if let text = map["tag"]?.string { result.tag = TagID(text) }
        return result
    }
}
