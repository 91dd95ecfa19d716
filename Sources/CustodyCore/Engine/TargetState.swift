/// What the engine keeps about one evaluation target between its evaluations, in one table entry so
/// that an evaluation costs one lookup and at most one store instead of one per table.
struct TargetState: Sendable, Equatable {
    /// Which alert codes the target has open alerts for, one bit per `AlertCode`. A bit is exact:
    /// set while at least one key of that code owned by the target is open, so a rule that finds
    /// nothing, with a clear bit, has nothing to clear and needs no key and no lookup.
    var alerts: UInt64 = 0
    /// The same for pending conditions (`graced`).
    var conditions: UInt64 = 0
    /// The level of each open alert whose code is not per-device, in two bit planes (the level's
    /// rank, 0 for warn to 3 for alarm: bit 0 in `levelLow`, bit 1 in `levelHigh`), so that an
    /// evaluation that finds an open alert at the level it already has — most of them — builds
    /// no key and probes no table. A code's bits are zero while it has no open alert.
    var levelLow: UInt64 = 0
    var levelHigh: UInt64 = 0
    /// For a person or a zone, the next change each rule group found when it last ran; `nil` until
    /// every group has run once.
    var families: FamilyDeadlines?
    /// The target's slot in the deadline queue, once it has had a deadline: the queue keeps the
    /// deadline itself, and the slot reads it without a lookup, so an evaluation that finds the same
    /// deadline leaves the queue alone.
    var queueSlot: Int32?

    /// Whether nothing is left to keep but the slot (which the queue can find again by key).
    var holdsNothing: Bool { alerts == 0 && conditions == 0 && families == nil }

    /// The level of `code`'s open alert (meaningful only while its bit is set in `alerts` and the
    /// code is not per-device).
    func level(of code: AlertCode) -> AlertLevel {
        switch (levelHigh & code.bit != 0, levelLow & code.bit != 0) {
        case (false, false): .warn
        case (false, true): .warn2
        case (true, false): .critical
        case (true, true): .alarm
        }
    }

    /// Records `level` as the level of `code`'s open alert, or clears it (`nil`).
    mutating func setLevel(_ level: AlertLevel?, of code: AlertCode) {
        levelLow &= ~code.bit
        levelHigh &= ~code.bit
        switch level {
        case nil, .warn: break
        case .warn2: levelLow |= code.bit
        case .critical: levelHigh |= code.bit
        case .alarm:
            levelLow |= code.bit
            levelHigh |= code.bit
        }
    }
}

/// A person and the state of their evaluation, in one entry of the engine's table of people: an
/// evaluation of a person finds both with one lookup instead of one in each of two tables as large
/// as the population.
struct PersonEntry: Sendable, Equatable {
    var person: Person
    var target = TargetState()
}
