/// A stay of a person in one zone.
public struct ZoneVisit: Sendable, Hashable, Codable {
    public var person: String
    public var zone: String
    public var enteredAt: UTCMillis
    public var leftAt: UTCMillis?
}
