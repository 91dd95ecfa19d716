internal import DeviceProfiles
internal import Yams

extension StationParser {
    /// `rules: {RULE-ID: {parameter: value}}`, checked against ``RuleCatalogue``.
    func parseRules(_ node: Node?) -> RuleOverrides {
        guard let node, let map = node.mapping else {
            if let node { diagnostics.report(node, "rules", "expected a mapping of rule ids to parameters") }
            return RuleOverrides()
        }
        var entries: [RuleOverrides.Entry] = []
        for (key, value) in map {
            let id = key.string ?? ""
            guard let rule = RuleCatalogue.rule(id: id) else {
                let known = RuleCatalogue.rules.map(\.id).joined(separator: ", ")
                diagnostics.report(key, "rules.\(id)", "unknown rule '\(id)' (RULES.md has: \(known))")
                continue
            }
            guard let parameters = MappingView(value, path: "rules.\(id)", diagnostics: diagnostics) else { continue }
            for (nameNode, valueNode) in value.mapping ?? [:] {
                let name = nameNode.string ?? ""
                let field = parameters.field(name)
                guard let spec = rule.parameter(named: name) else {
                    let known = rule.parameters.map(\.name).joined(separator: ", ")
                    diagnostics.report(
                        nameNode, field, "rule \(id) has no parameter '\(name)' (\(known.isEmpty ? "it has none" : "it has: " + known))")
                    continue
                }
                if let parsed = parameterValue(valueNode, field, spec: spec) {
                    entries.append(RuleOverrides.Entry(rule: id, parameter: name, value: parsed, location: diagnostics.location(of: valueNode)))
                }
            }
        }
        return RuleOverrides(entries: entries)
    }

    private func parameterValue(_ node: Node, _ field: String, spec: RuleParameterSpec) -> RuleParameterValue? {
        let number: Double?
        switch spec.kind {
        case .flag: return read.bool(node, field).map { .flag($0) }
        case .count: number = read.integer(node, field).map(Double.init)
        case .duration, .number: number = read.number(node, field)
        }
        guard let number else { return nil }
        guard number >= spec.minimum, number <= spec.maximum else {
            let format = Self.format
            diagnostics.report(
                node, field, "expected \(format(spec.minimum))…\(format(spec.maximum)) for \(spec.name), got \(format(number))")
            return nil
        }
        switch spec.kind {
        case .duration(let unit):
            let seconds = number * Double(unit)
            guard seconds == seconds.rounded() else {
                diagnostics.report(node, field, "\(Self.format(number)) does not come to whole seconds")
                return nil
            }
            return .seconds(Int(seconds))
        case .count: return .count(Int(number))
        case .number: return .number(number)
        case .flag: return nil
        }
    }
}
