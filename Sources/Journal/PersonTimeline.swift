/// Everything the journal holds about one person, in time order: the record an auditor asks for.
public struct PersonTimeline: Sendable, Hashable, Codable {
    public var person: String
    public var sessions: [CustodySession]
    /// Zones with enter and leave times.
    public var visits: [ZoneVisit]
    public var alerts: [AlertRecord]
    /// Every entry about the person: welfare, commands and who gave them, observations, effects.
    public var entries: [JournalEntry]
}
