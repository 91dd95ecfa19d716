public import DeviceProfiles

/// A bearer token the API accepts, stored only as the SHA-256 of the token text.
public struct APIToken: Sendable, Hashable {
    /// What a token holder may do.
    public enum Role: String, Sendable, Hashable, CaseIterable {
        case supervisor
        case officer
        case technician
        case auditor
    }

    /// Unique among tokens; names the holder in the journal.
    public var name: String
    /// What the holder may do.
    public var role: Role
    /// The SHA-256 of the token, 64 lower-case hex digits (`printf %s TOKEN | sha256sum`).
    public var sha256: String
    /// Where the token is written.
    public var location: SourceLocation

    public init(name: String, role: Role, sha256: String, location: SourceLocation = .unknown) {
        self.name = name
        self.role = role
        self.sha256 = sha256
        self.location = location
    }
}
