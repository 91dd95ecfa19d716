/// What the layout says about one zone, gathered so that a single lookup answers every question an
/// evaluation asks about it (its kind, readers, recorders, sensors, the rooms watched from it).
///
/// Built once with the `StationIndex` and never changed, so it is shared by reference: handing it to
/// a rule copies a pointer, not five arrays. A zone named only by a device or a watch post, and not
/// in the layout, has an entry without a `zone`.
final class ZoneInfo: Sendable, Equatable {
    /// The zone as the layout gives it, if the layout has it.
    let zone: StationLayout.Zone?
    let readers: [DeviceID]
    let recorders: [DeviceID]
    let sensors: [DeviceID]
    /// Holding rooms watched from this zone (SUP-03).
    let watched: [ZoneID]

    init(zone: StationLayout.Zone?, readers: [DeviceID], recorders: [DeviceID], sensors: [DeviceID], watched: [ZoneID]) {
        self.zone = zone
        self.readers = readers
        self.recorders = recorders
        self.sensors = sensors
        self.watched = watched
    }

    /// The zone's kind, if the layout has the zone.
    var kind: ZoneKind? { zone?.kind }

    static func == (lhs: ZoneInfo, rhs: ZoneInfo) -> Bool {
        lhs === rhs
            || (lhs.zone == rhs.zone && lhs.readers == rhs.readers && lhs.recorders == rhs.recorders
                && lhs.sensors == rhs.sensors && lhs.watched == rhs.watched)
    }
}

/// What the engine keeps about one zone, in one entry of its table of zones, beside what the layout
/// says about it: a move, or an evaluation of the zone, reads every part with one lookup. The table
/// has an entry for every zone of the index from the start, so it never grows or rehashes.
struct ZoneEntry: Sendable, Equatable {
    let info: ZoneInfo
    var people: Set<PersonID> = []
    var officers: Set<OfficerID> = []
    /// Counts of `people`, kept on every move.
    var tally = ZoneTally()
    /// Since when the zone has held someone (nobody in it: `nil`).
    var occupiedSince: Timestamp?
    /// The last round logged in the zone while it was occupied, or since it last emptied.
    var lastRound: Timestamp?
    /// The state of the zone's evaluation, kept here rather than in the engine's table of targets:
    /// an evaluation of the zone reads its entry anyway, and one lookup then finds both.
    var target = TargetState()

    init(info: ZoneInfo) {
        self.info = info
    }
}
