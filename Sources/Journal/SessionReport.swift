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
