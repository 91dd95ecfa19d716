/// Which alert codes one evaluation target has open alerts and pending conditions for, one bit per
/// `AlertCode`.
///
/// A bit is exact: set while at least one key of that code owned by the target is in the alert (or
/// condition) table, clear otherwise. So a rule that finds nothing, with a clear bit, has nothing to
/// clear and costs no key and no lookup.
struct AlertMasks: Sendable, Equatable {
    var alerts: UInt64 = 0
    var conditions: UInt64 = 0

    var isEmpty: Bool { alerts == 0 && conditions == 0 }
}
