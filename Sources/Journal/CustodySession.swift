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
