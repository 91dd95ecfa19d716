/// A typed string identifier: a person's id cannot be passed where a door's is expected.
///
/// Identifiers come from the outside (the station file names zones, doors and officers; the shell
/// names people and cases) and encode as bare strings.
public struct Identifier<Subject>: Sendable, Hashable, Comparable, Codable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    /// The identifier text.
    public var rawValue: String {
        didSet { hashCode = rawValue.hashValue }
    }

    /// `rawValue.hashValue`, computed once: the engine looks identifiers up in dictionaries many
    /// times per input, and hashing the text each time dominated its cost. Never persisted (the
    /// process seeds `Hasher` at random), so it only ever speeds up lookups inside one process.
    private var hashCode: Int

    public init(_ rawValue: String) {
        self.rawValue = rawValue
        self.hashCode = rawValue.hashValue
    }

    public init(stringLiteral value: String) {
        self.init(value)
    }

    public init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public static func < (lhs: Identifier, rhs: Identifier) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Equal texts (as `String` compares them) are equal identifiers; unequal hashes settle it at once.
    public static func == (lhs: Identifier, rhs: Identifier) -> Bool {
        lhs.hashCode == rhs.hashCode && lhs.rawValue == rhs.rawValue
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(hashCode)
    }

    /// What dictionaries and sets ask for: the cached text hash, mixed with the table's seed, without
    /// running `Hasher` again over a value that is already a hash.
    public func _rawHashValue(seed: Int) -> Int {
        mixHash(hashCode, seed: seed)
    }

    /// The cached hash of the text, for the engine's keys that hash by an identifier.
    var cachedHash: Int { hashCode }

    public var description: String { rawValue }
}

/// Marker types that give each identifier its own type.
public enum IdentifierSubject {
    public enum Person {}
    public enum Officer {}
    public enum Tag {}
    public enum Zone {}
    public enum Door {}
    public enum Device {}
    public enum Case {}
}

/// Identifies a person brought into the area (suspect, witness, victim).
public typealias PersonID = Identifier<IdentifierSubject.Person>
/// Identifies a police officer or auxiliary.
public typealias OfficerID = Identifier<IdentifierSubject.Officer>
/// Identifies an RFID/UWB tag: a person's wristband or an officer's tag.
public typealias TagID = Identifier<IdentifierSubject.Tag>
/// Identifies a zone (room or corridor).
public typealias ZoneID = Identifier<IdentifierSubject.Zone>
/// Identifies a door between two zones.
public typealias DoorID = Identifier<IdentifierSubject.Door>
/// Identifies a field device: reader, lock controller, sensor, recorder, fire-panel monitor.
public typealias DeviceID = Identifier<IdentifierSubject.Device>
/// Identifies a case file; people on the same case are co-suspects.
public typealias CaseID = Identifier<IdentifierSubject.Case>
