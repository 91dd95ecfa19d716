/// What the engine keeps about one evaluation target between its evaluations, in one table entry so
/// that an evaluation costs one lookup and at most one store instead of one per table.
struct TargetState: Sendable, Equatable {
    /// Which alert codes the target has open alerts for, one bit per `AlertCode`. A bit is exact:
    /// set while at least one key of that code owned by the target is open, so a rule that finds
    /// nothing, with a clear bit, has nothing to clear and needs no key and no lookup.
    var alerts: UInt64 = 0
    /// The same for pending conditions (`graced`).
    var conditions: UInt64 = 0
    /// For a person or a zone, the next change each rule group found when it last ran; `nil` until
    /// every group has run once.
    var families: FamilyDeadlines?
    /// The target's live deadline in the queue, so an evaluation that finds the same one leaves the
    /// queue alone.
    var deadline: Timestamp?

    var isEmpty: Bool { alerts == 0 && conditions == 0 && families == nil && deadline == nil }
}
