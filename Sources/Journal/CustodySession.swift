/// One stay of one person in the custody area, from arrival to release.
public struct CustodySession: Sendable, Hashable, Codable {
    /// The session's number, unique in the file.
    public var session: Int64
    public var person: String
    public var displayName: String
    public var idLast4: String?
    public var arrivedAt: UTCMillis
    public var releasedAt: UTCMillis?
    /// How the session ended (released, transferred, …), nil while in custody.
    public var outcome: String?
    /// Time held: to the release, or to the query time while still in custody.
    public var heldMs: Int64
}

/// Custody sessions that began in a date range, with totals for a supervisor's report.
public struct SessionReport: Sendable, Hashable, Codable {
    public var from: UTCMillis
    public var to: UTCMillis
    public var sessions: [CustodySession]
    /// Sessions in the range.
    public var count: Int
    /// Sessions of people not yet released.
    public var stillInCustody: Int
    public var totalHeldMs: Int64
    public var longestHeldMs: Int64
    public var averageHeldMs: Int64
    /// Alerts raised about these people during these sessions.
    public var alertsRaised: Int
}
