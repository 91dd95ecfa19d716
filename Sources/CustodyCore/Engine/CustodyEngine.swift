/// The custody rule engine: a deterministic state machine over people, officers, tags, zones,
/// doors, clocks and alerts.
///
/// Feed it every input with its time through `apply(_:at:)` and carry out the effects it returns.
/// It does no I/O, reads no clock and starts no thread: the same inputs at the same times give the
/// same effects, so replaying the journal rebuilds the state exactly and custody clocks continue from
/// their original start. Timers are data: `nextDeadline` says when it next needs a `.tick`.
public struct CustodyEngine: Sendable, Equatable {
    /// The station this engine guards.
    public let layout: StationLayout
    /// The rule numbers in force.
    public let parameters: RuleParameters
    /// The time of the latest input; time never runs backwards inside the engine.
    public internal(set) var now: Timestamp
    /// Whether the fire panel is in alarm.
    public internal(set) var isFireActive = false

    let index: StationIndex
    /// Everyone registered, released or not, with the state of their evaluation.
    var people: [PersonID: PersonEntry] = [:]
    /// The wristbands in use, each with its wearer and the zone it last placed them in.
    var wristbands: [TagID: Wristband] = [:]
    var officerZone: [OfficerID: ZoneID] = [:]
    /// Every zone of the index: who is in it and what is counted about them.
    var zones: [ZoneID: ZoneEntry]
    /// Per target other than a person or a zone: its alert masks, its rule groups' next changes and
    /// its slot in `deadlines` (a person's are in their entry of `people`, a zone's in `zones`).
    var targets: [EvaluationTarget: TargetState] = [:]
    /// The state of the target being evaluated, taken from `targets`, `people` or `zones` for its
    /// evaluation.
    var scope = TargetState()
    /// The target being evaluated, whose alert keys the rules' codes stand for.
    var scopeTarget = EvaluationTarget.station
    var tags: [TagID: TagState] = [:]
    /// How many of `tags` read as lost. A wristband's re-report, the most common input, looks its tag
    /// up only while some tag is lost.
    var lostTagCount = 0
    var doors: [DoorID: DoorState] = [:]
    var sensors: [DeviceID: SensorState] = [:]
    var offlineDevices: Set<DeviceID> = []
    var runningRecorders: Set<DeviceID> = []
    var lastExitByIDHash: [String: Timestamp] = [:]
    var alerts: [AlertKey: Alert] = [:]
    var conditionSince: [AlertKey: Timestamp] = [:]
    var deadlines = DeadlineQueue<EvaluationTarget>()
    var effects: [Effect] = []
    /// The targets the input touched, with the rule groups it may have changed.
    var dirty: [(EvaluationTarget, RuleFamilies)] = []
    /// A reused buffer for sorting `dirty` (always empty between inputs).
    var pendingTargets: [(EvaluationTarget, RuleFamilies)] = []

    /// An engine for `layout`, with no one in the area, starting at `start`.
    public init(layout: StationLayout, parameters: RuleParameters = .defaults, start: Timestamp = Timestamp(milliseconds: 0)) {
        self.layout = layout
        self.parameters = parameters
        self.index = StationIndex(layout)
        self.zones = index.zoneInfo.mapValues { ZoneEntry(info: $0) }
        self.now = start
    }

    /// When the engine next needs a `.tick` (the earliest moment a finding may change by itself).
    public var nextDeadline: Timestamp? { deadlines.next }

    /// Applies one input at `time` and returns what to do.
    ///
    /// Deadlines due by `time` are handled first, then the input. A fire signal releases every lock
    /// as the very first effect. A time earlier than the last input is taken as the last input's time
    /// (a wall-clock step back never rewinds a custody clock). A rejected command changes nothing.
    public mutating func apply(_ input: Input, at time: Timestamp) -> Outcome {
        // Most inputs have no effect: emptying an empty list still walks it.
        if !effects.isEmpty { effects.removeAll(keepingCapacity: true) }
        assert(dirty.isEmpty, "every input's touches are evaluated before it returns")
        var rejection: Rejection?
        // One switch over the input: each pattern match of an `Input` copies it.
        switch input {
        case .tick:
            advance(to: max(time, now))
        case .observation(let observation):
            if case .fire(active: true) = observation {
                effects.append(.door(.releaseAll))
                isFireActive = true
            }
            advance(to: max(time, now))
            rejection = handle(observation)
        case .command(let command):
            advance(to: max(time, now))
            if let refusal = validate(command) {
                rejection = refusal
            } else {
                handle(command)
            }
        }
        evaluateDirty()
        return Outcome(effects: effects, rejection: rejection)
    }

    /// Handles every deadline due by `time`, in deadline order, evaluated at `time`: after a long
    /// gap the ladder goes straight to the level reached, and an alarm repeats once, not once per
    /// missed interval.
    private mutating func advance(to time: Timestamp) {
        now = time
        while let due = deadlines.popDue(atOrBefore: time) {
            evaluate(due.key, popped: true)
        }
    }

    /// Evaluates the targets the input touched, in a fixed order, each once with the union of the
    /// rule groups it was touched for. The few touches of an input are sorted and merged in a list,
    /// which costs less than hashing each into a table.
    private mutating func evaluateDirty() {
        guard !dirty.isEmpty else { return }
        if dirty.count == 1 {
            let (target, families) = dirty.removeLast()
            evaluate(target, families)
            return
        }
        var targets = dirty
        dirty = pendingTargets
        targets.sort { $0.0 < $1.0 }
        var position = 0
        while position < targets.count {
            var (target, families) = targets[position]
            position += 1
            while position < targets.count && targets[position].0 == target {
                families.formUnion(targets[position].1)
                position += 1
            }
            evaluate(target, families)
        }
        targets.removeAll(keepingCapacity: true)
        pendingTargets = targets
    }

    /// Evaluates `target`'s rules (all, or only `families`) and sets its deadline; `popped` when the
    /// queue has just handed out the target's deadline.
    mutating func evaluate(_ target: EvaluationTarget, _ families: RuleFamilies = .all, popped: Bool = false) {
        var next = NextChange(after: now)
        scopeTarget = target
        if case .person(let id) = target {
            // A person's state is kept in their entry of `people`: one lookup finds both.
            guard let slot = people.index(forKey: id) else { return }
            scope = Self.read(&people.values[slot]) { $0.target }
            evaluatePerson(at: slot, dueFamilies(families, popped: popped), &next)
            scheduleScope(target, next)
            people.values[slot].target = scope
            return
        }
        if case .zone(let id) = target, let slot = zones.index(forKey: id) {
            // Likewise a zone's, in its entry of `zones`.
            scope = zone(at: slot) { $0.target }
            evaluateZone(at: slot, dueFamilies(families, popped: popped), &next)
            scheduleScope(target, next)
            zones.values[slot].target = scope
            return
        }
        let stored = targets[target]
        scope = stored ?? TargetState()
        let families = dueFamilies(families, popped: popped)
        switch target {
        case .station: evaluateStation(&next)
        case .person: break
        case .zone: break  // a zone the index does not name: nothing to evaluate
        case .door(let id): evaluateDoor(id, &next)
        case .tag(let id): evaluateTag(id, &next)
        case .device(let id): evaluateDevice(id, &next)
        }
        scheduleScope(target, next)
        if scope.holdsNothing && next.time == nil {
            if stored != nil { targets.removeValue(forKey: target) }
        } else if scope != stored {
            targets[target] = scope
        }
    }

    /// The rule groups to run: `families`, or when the queue has just handed out the target's
    /// deadline (`popped`), only the groups whose next change fell due. The others' inputs have not
    /// changed since they last ran (an input that changes them re-runs them) and their next change is
    /// still ahead, so they would find what they found then.
    private func dueFamilies(_ families: RuleFamilies, popped: Bool) -> RuleFamilies {
        guard popped, let known = scope.families else { return families }
        return known.due(atOrBefore: now)
    }

    /// Sets the deadline of the target being evaluated to `next`, leaving the queue alone when it
    /// already holds that deadline.
    private mutating func scheduleScope(_ target: EvaluationTarget, _ next: NextChange) {
        let live = scope.queueSlot.flatMap { deadlines.deadline(inSlot: $0) }
        if live != next.time {
            scope.queueSlot = deadlines.schedule(target, at: next.time, slot: scope.queueSlot)
        }
    }

    /// The person at `slot` of `people`, read in place.
    @inline(__always)
    mutating func person(at slot: [PersonID: PersonEntry].Index) -> Person {
        Self.read(&people.values[slot]) { $0.person }
    }

    /// `read` applied to the entry at `slot` of `zones`, in place.
    @inline(__always)
    mutating func zone<T>(at slot: [ZoneID: ZoneEntry].Index, _ read: (borrowing ZoneEntry) -> T) -> T {
        Self.read(&zones.values[slot], read)
    }

    /// `body` applied to a table entry reached through the table's in-place accessor: the getter of a
    /// dictionary's `values` copies the whole entry (a person's target state; a zone's sets, tally and
    /// info) to answer one question.
    @inline(__always)
    static func read<Entry, T>(_ entry: inout Entry, _ body: (borrowing Entry) -> T) -> T { body(entry) }

    /// `read` applied in place to the entry of `zone`; `nil` for a zone the layout does not name.
    @inline(__always)
    mutating func readZone<T>(_ zone: ZoneID, _ read: (borrowing ZoneEntry) -> T) -> T? {
        guard let slot = zones.index(forKey: zone) else { return nil }
        return self.zone(at: slot, read)
    }

    /// `change` applied in place to the entry of `zone`, if the layout names it. Through the table's
    /// slot: the table's optional subscript allocates a frame for an entry as large as a zone's.
    @inline(__always)
    mutating func changeZone(_ zone: ZoneID, _ change: (inout ZoneEntry) -> Void) {
        guard let slot = zones.index(forKey: zone) else { return }
        change(&zones.values[slot])
    }

    /// The people in `zone`, read in place.
    mutating func zonePeople(_ zone: ZoneID) -> Set<PersonID> {
        readZone(zone) { $0.people } ?? []
    }

    /// Marks `target` for evaluation after the input: all its rules, or only `families`.
    mutating func touch(_ target: EvaluationTarget, _ families: RuleFamilies = .all) {
        dirty.append((target, families))
    }

    public static func == (lhs: CustodyEngine, rhs: CustodyEngine) -> Bool {
        lhs.layout == rhs.layout && lhs.parameters == rhs.parameters && lhs.now == rhs.now
            && lhs.isFireActive == rhs.isFireActive && lhs.people == rhs.people
            && lhs.wristbands == rhs.wristbands && lhs.officerZone == rhs.officerZone
            && lhs.zones == rhs.zones
            && lhs.targets == rhs.targets
            && lhs.tags == rhs.tags
            && lhs.doors == rhs.doors && lhs.sensors == rhs.sensors && lhs.offlineDevices == rhs.offlineDevices
            && lhs.runningRecorders == rhs.runningRecorders && lhs.lastExitByIDHash == rhs.lastExitByIDHash
            && lhs.alerts == rhs.alerts && lhs.conditionSince == rhs.conditionSince
            && lhs.deadlines == rhs.deadlines
    }
}

/// The earliest future moment at which a target's findings may change without a new input.
struct NextChange {
    let after: Timestamp
    private(set) var time: Timestamp?

    init(after: Timestamp) {
        self.after = after
    }

    /// Notes a moment at which something changes; moments not after now are ignored.
    mutating func consider(_ candidate: Timestamp?) {
        guard let candidate, candidate > after else { return }
        if let time, time <= candidate { return }
        time = candidate
    }
}
