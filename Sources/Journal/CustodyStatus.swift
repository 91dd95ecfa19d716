/// A person in custody now, with every running clock.
public struct CustodyStatus: Sendable, Hashable, Codable {
    public var session: Int64
    public var person: String
    public var displayName: String
    /// The last four characters of the ID number; the number itself is never stored.
    public var idLast4: String?
    public var arrivedAt: UTCMillis
    /// Time in custody at the moment of the query.
    public var heldMs: Int64
    /// The zone the person was last seen in.
    public var zone: String?
    public var clocks: [ClockStatus]
}
