/// A typed string identifier: a person's id cannot be passed where a door's is expected.
///
/// Identifiers come from the outside (the station file names zones, doors and officers; the shell
/// names people and cases) and encode as bare strings.
public struct Identifier<Subject>: Sendable, Hashable, Comparable, Codable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    /// The identifier text.
    public var rawValue: String

    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    public init(stringLiteral value: String) {
        self.rawValue = value
    }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public static func < (lhs: Identifier, rhs: Identifier) -> Bool { lhs.rawValue < rhs.rawValue }

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
