/// A check, for tests, that the engine's partial re-evaluation finds what a full one would.
///
/// An input re-evaluates only the targets it `touch`es, for the rule groups it names, and a deadline
/// re-runs only the groups whose next change fell due. A missing or too narrow `touch` leaves an
/// alert unraised, uncleared or a grace period unstarted, and a replay repeats the same omission, so
/// replay equality cannot see it. Re-running every rule of every live target must find nothing left
/// to do: after a correct `apply`, the state is a fixed point of a full evaluation at the same `now`.
extension CustodyEngine {
    /// What a full evaluation of every live target did to a copy of the engine.
    struct FullEvaluation: Sendable, CustomStringConvertible {
        /// The effects it emitted, with the target whose evaluation emitted each, by target.
        var effects: [(target: EvaluationTarget, effect: Effect)] = []
        /// The state it changed that the engine keeps (pending conditions, targets' masks, next
        /// changes and deadlines), one readable line each.
        var changes: [String] = []

        /// Whether the engine's own evaluation had already found everything (nothing emitted, nothing changed).
        var isFixedPoint: Bool { effects.isEmpty && changes.isEmpty }

        var description: String {
            let lines = effects.map { "\($0.target.label) emits \($0.effect.summary)" } + changes
            return lines.isEmpty ? "nothing to change" : lines.joined(separator: "\n")
        }
    }

    /// Evaluates, on a copy, every rule of every live target at `now`, and reports what that found
    /// beyond the engine's own evaluation. The engine itself is left as it is.
    ///
    /// What is compared, and why:
    /// - every effect emitted: a full evaluation that raises, escalates, repeats or clears an alert
    ///   means the engine's evaluation missed it (a due deadline or a missing `touch`). The order is
    ///   that of the targets (see `EvaluationTarget.<`), not what an `apply` would give; it only
    ///   names what was missed.
    /// - the pending conditions (`conditionSince`) and the deadline queue, exactly: a grace period
    ///   that should have started, or a deadline that should be set, shows here even before it would
    ///   show as a late or missing alert. (The alerts change only with an effect.)
    /// - each target's masks, recorded alert levels and per-group next changes (`FamilyDeadlines`),
    ///   including those of groups the last evaluation did not run. Those are not excused: partial
    ///   evaluation rests on them being what the group would find now (its inputs unchanged, its next
    ///   change still ahead; see `RuleFamilies`), and a group that finds the same next change at a
    ///   later `now` finds the same minimum, since `NextChange` drops only moments already past, and
    ///   every due deadline was handled by `apply` (none is at or before `now`).
    /// - one difference is allowed: a target that was never evaluated (no `families`) against one
    ///   whose groups all ran and found no next change (every slot `nil`). The first only makes the
    ///   next evaluation run every group; a full evaluation of a zone nobody has entered stores the
    ///   second. Anything else the full evaluation finds in such a target still counts.
    /// - everything else the engine compares in `==` must be untouched: rules only read it.
    func fullEvaluation() -> FullEvaluation {
        var full = self
        full.effects.removeAll()
        full.dirty.removeAll()
        var report = FullEvaluation()
        forEachLiveTarget { target in
            let emitted = full.effects.count
            full.evaluate(target, .all)
            for effect in full.effects[emitted...] { report.effects.append((target, effect)) }
        }
        // By target, each target's effects in the order it emitted them.
        report.effects = report.effects.enumerated()
            .sorted { $0.element.target != $1.element.target ? $0.element.target < $1.element.target : $0.offset < $1.offset }
            .map(\.element)
        let (ownTargets, fullTargets) = (targetStates, full.targetStates)
        if fullTargets != ownTargets {
            for target in Set(ownTargets.keys).union(fullTargets.keys).sorted() {
                let (before, after) = (Self.normalized(ownTargets[target]), Self.normalized(fullTargets[target]))
                if before != after { report.changes.append("\(target.label): \(target.changes(from: before, to: after))") }
            }
            // Targets may differ only as allowed above; the checks below compare the rest.
            full.targets = targets
            for (id, entry) in people { full.people[id]?.target = entry.target }
            for (id, entry) in zones { full.changeZone(id) { $0.target = entry.target } }
        }
        if full.deadlines != deadlines {
            for target in liveTargets() {
                let (queued, requeued) = (deadlines.deadline(of: target), full.deadlines.deadline(of: target))
                if queued != requeued {
                    report.changes.append("\(target.label): queued deadline \(Self.text(queued)) becomes \(Self.text(requeued))")
                }
            }
        }
        if full.conditionSince != conditionSince {
            for key in Set(conditionSince.keys).union(full.conditionSince.keys).sorted()
            where conditionSince[key] != full.conditionSince[key] {
                report.changes.append(
                    "pending \(key): since \(Self.text(conditionSince[key])) becomes \(Self.text(full.conditionSince[key]))")
            }
        }
        let lost = tags.values.count { $0.lost }
        if lost != lostTagCount {
            report.changes.append("\(lostTagCount) tags counted as lost, but \(lost) read as lost")
        }
        if full != self && report.isFixedPoint {
            report.changes.append("state outside the alerts, conditions and targets changed")
        }
        return report
    }

    /// The state of every target that has one: `targets`, every person's from `people` and every
    /// zone's from `zones`.
    var targetStates: [EvaluationTarget: TargetState] {
        var states = targets
        for (id, entry) in people { states[.person(id)] = entry.target }
        for (id, entry) in zones { states[.zone(id)] = entry.target }
        return states
    }

    /// Every target a rule may hold a finding about, sorted: see `forEachLiveTarget`.
    func liveTargets() -> [EvaluationTarget] {
        var live: [EvaluationTarget] = []
        forEachLiveTarget { live.append($0) }
        return live.sorted()
    }

    /// Calls `body` once for every target a rule may hold a finding about: the station, every
    /// registered person, every zone, door and device the layout names, every tag the state knows,
    /// and any other target with stored state (masks, next changes or a deadline). In no fixed order:
    /// evaluations of different targets read none of each other's state.
    func forEachLiveTarget(_ body: (EvaluationTarget) -> Void) {
        body(.station)
        for id in people.keys { body(.person(id)) }
        for id in index.zoneInfo.keys { body(.zone(id)) }
        for id in index.doorOrder { body(.door(id)) }
        for id in index.deviceZone.keys { body(.device(id)) }
        for id in index.doorOfDevice.keys where index.deviceZone[id] == nil { body(.device(id)) }
        for id in offlineDevices where !index.isDevice(id) { body(.device(id)) }
        for id in tags.keys { body(.tag(id)) }
        for id in wristbands.keys where tags[id] == nil { body(.tag(id)) }
        for target in targets.keys where !isListed(target) { body(target) }
    }

    /// Whether `forEachLiveTarget` visits `target` before it reaches the stored targets.
    private func isListed(_ target: EvaluationTarget) -> Bool {
        switch target {
        case .station: true
        case .person(let id): people[id] != nil
        case .zone(let id): index.zoneInfo[id] != nil
        case .door(let id): index.hasDoor(id)
        case .device(let id): index.isDevice(id) || offlineDevices.contains(id)
        case .tag(let id): tags[id] != nil || wristbands[id] != nil
        }
    }

    /// A target's state with "never evaluated" and "every group ran, none waits" made alike, and
    /// without its queue slot: the slot only says where the queue keeps the target's deadline, and
    /// the deadline itself is compared in the queue.
    private static func normalized(_ state: TargetState?) -> TargetState {
        var state = state ?? TargetState()
        if state.families == nil { state.families = FamilyDeadlines() }
        state.queueSlot = nil
        return state
    }

    fileprivate static func text(_ time: Timestamp?) -> String { time.map { "\($0.milliseconds)" } ?? "none" }
}

extension EvaluationTarget {
    /// The target as a reader of a test failure would name it.
    var label: String {
        switch self {
        case .station: "station"
        case .person(let id): "person \(id)"
        case .zone(let id): "zone \(id)"
        case .door(let id): "door \(id)"
        case .tag(let id): "tag \(id)"
        case .device(let id): "device \(id)"
        }
    }

    /// The names of the target's rule groups, by slot of `FamilyDeadlines` (see `RuleFamilies`).
    private var groupNames: [String] {
        switch self {
        case .person: ["officers", "presence", "clocks"]
        case .zone: ["supervision", "separation", "occupancy", "watch", "environment"]
        default: []
        }
    }

    /// What differs between two states of this target, field by field, naming codes and groups.
    fileprivate func changes(from before: TargetState, to after: TargetState) -> String {
        var parts: [String] = []
        func codes(_ mask: UInt64) -> String {
            "[" + AlertCode.allCases.filter { mask & $0.bit != 0 }.map { "\($0.rule.rawValue)/\($0.condition)" }
                .joined(separator: ", ") + "]"
        }
        if before.alerts != after.alerts { parts.append("open alerts \(codes(before.alerts)) become \(codes(after.alerts))") }
        if before.conditions != after.conditions {
            parts.append("pending conditions \(codes(before.conditions)) become \(codes(after.conditions))")
        }
        for (slot, name) in groupNames.enumerated() where before.families?[slot] != after.families?[slot] {
            let (was, now) = (before.families?[slot], after.families?[slot])
            parts.append("\(name) group's next change \(CustodyEngine.text(was)) becomes \(CustodyEngine.text(now))")
        }
        if before.levelLow != after.levelLow || before.levelHigh != after.levelHigh {
            parts.append("recorded alert levels differ")
        }
        return parts.joined(separator: "; ")
    }
}

extension Effect {
    /// One line naming the effect and, for an alert, its key and level.
    var summary: String {
        switch self {
        case .raiseAlert(let alert): "raise \(alert.key) at \(alert.level.rawValue)"
        case .escalateAlert(let alert): "escalate \(alert.key) to \(alert.level.rawValue)"
        case .repeatAlert(let alert): "repeat \(alert.key)"
        case .clearAlert(let alert): "clear \(alert.key) (was \(alert.level.rawValue))"
        case .acknowledgeAlert(let alert): "acknowledge \(alert.key)"
        case .door(let command): "door \(command)"
        case .headCount(let counts): "head count \(counts)"
        }
    }
}

extension StationIndex {
    /// Whether the layout names `device` as a reader, recorder, sensor, lock or door sensor.
    func isDevice(_ device: DeviceID) -> Bool { deviceZone[device] != nil || doorOfDevice[device] != nil }
}
