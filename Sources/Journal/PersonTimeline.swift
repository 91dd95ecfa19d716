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

/// A stay of a person in one zone.
public struct ZoneVisit: Sendable, Hashable, Codable {
    public var person: String
    public var zone: String
    public var enteredAt: UTCMillis
    public var leftAt: UTCMillis?
}

/// The last known status of a device.
public struct DeviceRecord: Sendable, Hashable, Codable {
    public var device: String
    public var online: Bool
    public var detail: String
    /// When it entered its current online/offline state.
    public var since: UTCMillis
    public var updatedAt: UTCMillis
}
