internal import Yams

extension ProfileParser {
    /// `simulation:` maps point names to how the simulator animates them.
    func parseSimulation(_ node: Node) -> [SimulationHint] {
        guard let mapping = node.mapping else {
            diagnostics.report(node, "simulation", "expected a mapping of point name to {initial, drift, follows}")
            return []
        }
        return mapping.compactMap { key, value in
            let path = "simulation.\(key.string ?? "?")"
            guard let point = read.identifier(key, path),
                let map = MappingView(value, path: path, diagnostics: diagnostics)
            else { return nil }
            map.checkKeys(required: [], optional: ["initial", "drift", "follows"], diagnostics: diagnostics)
            var hint = SimulationHint(point: point, location: diagnostics.location(of: key))
            hint.initial = expectedValue(map["initial"], map.field("initial"), allowText: true)
            if let node = map["drift"], let drift = MappingView(node, path: map.field("drift"), diagnostics: diagnostics) {
                drift.checkKeys(required: ["min", "max", "step"], optional: [], diagnostics: diagnostics)
                if let low = read.number(drift["min"], drift.field("min")),
                    let high = read.number(drift["max"], drift.field("max")),
                    let step = read.number(drift["step"], drift.field("step"))
                {
                    if low <= high, step >= 0 {
                        hint.drift = SimulationHint.Drift(min: low, max: high, step: step)
                    } else {
                        diagnostics.report(node, map.field("drift"), "expected min ≤ max and step ≥ 0")
                    }
                }
            }
            if let node = map["follows"], let follows = MappingView(node, path: map.field("follows"), diagnostics: diagnostics) {
                follows.checkKeys(required: ["point"], optional: ["invert", "delay_ms"], diagnostics: diagnostics)
                if let target = read.identifier(follows["point"], follows.field("point")) {
                    hint.follows = SimulationHint.Follows(
                        point: target, invert: read.bool(follows["invert"], follows.field("invert")) ?? false,
                        delayMs: read.integer(follows["delay_ms"], follows.field("delay_ms"), in: 0...60000, what: "a delay in ms") ?? 0)
                }
            }
            return hint
        }
    }
}
