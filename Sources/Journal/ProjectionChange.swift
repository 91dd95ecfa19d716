/// A change to the query projections, passed with the entry that causes it and applied in the same
/// transaction.
///
/// The journal does not interpret entry bodies; the daemon maps each core effect to these changes. Every
/// case names the person, alert, device or zone it touches by the same ids the core uses.
public enum ProjectionChange: Sendable, Hashable, Codable {
    /// A person was registered on arrival; opens a custody session.
    case custodyOpened(person: String, displayName: String, id: ProtectedID?, arrivedAt: UTCMillis)
    /// A person left custody (released, transferred); closes the session and stops its clocks.
    case custodyClosed(person: String, releasedAt: UTCMillis, outcome: String)
    /// A legal clock of a person in custody started or moved to its next step.
    case clockUpdated(person: String, clock: String, startedAt: UTCMillis, limitAt: UTCMillis,
                      nextStepAt: UTCMillis?, nextLevel: AlertLevel?)
    /// A clock stopped before the person left (for example, replaced by another legal measure).
    case clockStopped(person: String, clock: String, at: UTCMillis)
    /// A rule raised an alert.
    case alertRaised(id: String, rule: String, level: AlertLevel, person: String?, zone: String?,
                     message: String, at: UTCMillis)
    /// An alert climbed (or fell) a step of the ladder.
    case alertLevelChanged(id: String, level: AlertLevel, at: UTCMillis)
    /// A named officer acknowledged an alert.
    case alertAcknowledged(id: String, by: String, at: UTCMillis)
    /// The core cleared an alert.
    case alertCleared(id: String, at: UTCMillis)
    /// A device went online or offline, or its detail changed.
    case deviceStatus(device: String, online: Bool, detail: String, at: UTCMillis)
    /// A person (by their tag) was seen in a zone, or left the area (`zone` nil).
    case zonePresence(person: String, zone: String?, at: UTCMillis)
}

/// The ladder every alert climbs (RULES.md): warn → warn2 → critical → ALARM.
public enum AlertLevel: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case warn, warn2, critical, alarm

    public static func < (lhs: AlertLevel, rhs: AlertLevel) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
