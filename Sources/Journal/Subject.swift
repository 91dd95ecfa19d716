/// What an entry is about: a person, an officer, a device, a zone, or the station itself.
///
/// Stored as `kind:id` text (for example `person:P-0012`), which is also how it is exported.
public struct Subject: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The family of things a subject belongs to.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case person, officer, device, zone, station
    }

    /// The family of the subject.
    public var kind: Kind
    /// The subject's id within its family, as the core names it.
    public var id: String

    /// A subject of `kind` named `id`.
    public init(_ kind: Kind, _ id: String) {
        self.kind = kind
        self.id = id
    }

    /// A person brought in, by the core's person id.
    public static func person(_ id: String) -> Subject { Subject(.person, id) }
    /// An officer, by tag or badge id.
    public static func officer(_ id: String) -> Subject { Subject(.officer, id) }
    /// A device (lock, reader, sensor, fire panel), by its id in the station file.
    public static func device(_ id: String) -> Subject { Subject(.device, id) }
    /// A zone, by its id in the station file.
    public static func zone(_ id: String) -> Subject { Subject(.zone, id) }
    /// The station as a whole (start-up, configuration, fire release).
    public static let station = Subject(.station, "station")

    /// Parses the stored `kind:id` form; nil when the prefix is unknown.
    public init?(stored: String) {
        guard let colon = stored.firstIndex(of: ":"),
              let kind = Kind(rawValue: String(stored[..<colon])) else { return nil }
        self.init(kind, String(stored[stored.index(after: colon)...]))
    }

    /// The stored `kind:id` form.
    public var description: String { "\(kind.rawValue):\(id)" }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let parsed = Subject(stored: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "not a subject: \(text)"))
        }
        self = parsed
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
