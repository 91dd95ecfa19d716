import Synchronization

/// A typed string identifier: a person's id cannot be passed where a door's is expected.
///
/// Identifiers come from the outside (the station file names zones, doors and officers; the shell
/// names people and cases) and encode as bare strings.
public struct Identifier<Subject>: Sendable, Hashable, Comparable, Codable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    /// The identifier text.
    public var rawValue: String {
        get { text.string }
        set {
            text = IdentifierText(newValue)
            hashCode = newValue.hashValue
        }
    }

    /// The text, in two words (see `IdentifierText`).
    private var text: IdentifierText

    /// `rawValue.hashValue`, computed once: the engine looks identifiers up in dictionaries many
    /// times per input, and hashing the text each time dominated its cost. Never persisted (the
    /// process seeds `Hasher` at random), so it only ever speeds up lookups inside one process.
    private var hashCode: Int

    public init(_ rawValue: String) {
        self.text = IdentifierText(rawValue)
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

    /// The order of the texts, as `String` orders them.
    public static func < (lhs: Identifier, rhs: Identifier) -> Bool { lhs.text < rhs.text }

    /// Equal texts (as `String` compares them) are equal identifiers; unequal hashes settle it at once.
    public static func == (lhs: Identifier, rhs: Identifier) -> Bool {
        lhs.hashCode == rhs.hashCode && lhs.text.equals(rhs.text)
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

/// An identifier's text in two words and no reference, so that copying an identifier (which the
/// engine does many times per input) copies two words instead of counting a reference.
///
/// Up to 15 ASCII bytes other than NUL, the form of nearly every identifier, are packed big-endian
/// and padded with zeros, the last byte 0: comparing the words compares the texts byte by byte. A
/// longer or non-ASCII text is kept once in `InternedTexts`, and the words hold its number there, the
/// last byte 1.
///
/// Equality and order are those of `String` in every case: two packed texts are ASCII, which `String`
/// compares byte by byte, and a pair with an interned text is compared as strings. Equal strings
/// get one number, so two interned texts are equal exactly when their numbers are; a packed and an
/// interned text can still be equal (canonical equivalence makes U+212A KELVIN SIGN equal to "K").
struct IdentifierText: Sendable {
    let first: UInt64
    let second: UInt64

    init(_ text: String) {
        var first: UInt64 = 0
        var second: UInt64 = 0
        var count = 0
        for byte in text.utf8 {
            guard count < 15, byte != 0, byte < 0x80 else {
                self.first = InternedTexts.shared.number(of: text)
                self.second = 1
                return
            }
            let shift = UInt64(56 - 8 * (count & 7))
            if count < 8 { first |= UInt64(byte) << shift } else { second |= UInt64(byte) << shift }
            count += 1
        }
        self.first = first
        self.second = second
    }

    var isInterned: Bool { second & 0xFF != 0 }

    var string: String {
        if isInterned { return InternedTexts.shared.text(number: first) }
        return withUnsafeBytes(of: (first.bigEndian, second.bigEndian)) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
    }

    /// Equal texts, given that their hashes are equal.
    @inline(__always)
    func equals(_ other: IdentifierText) -> Bool {
        if first == other.first && second == other.second { return true }
        if isInterned == other.isInterned { return false }
        return Self.sameStrings(self, other)
    }

    @inline(__always)
    static func < (lhs: IdentifierText, rhs: IdentifierText) -> Bool {
        if !lhs.isInterned && !rhs.isInterned { return lhs.first != rhs.first ? lhs.first < rhs.first : lhs.second < rhs.second }
        return orderedStrings(lhs, rhs)
    }

    // The comparisons of texts as strings, kept out of line so that the fast paths above stay small
    // where dictionaries inline them.
    @inline(never)
    private static func sameStrings(_ lhs: IdentifierText, _ rhs: IdentifierText) -> Bool { lhs.string == rhs.string }

    @inline(never)
    private static func orderedStrings(_ lhs: IdentifierText, _ rhs: IdentifierText) -> Bool { lhs.string < rhs.string }
}

/// Every long or non-ASCII identifier text the process has seen, each once, by number.
///
/// Texts are never removed, so the table grows with the distinct long identifiers the process has
/// seen, about a hundred bytes each: wristband numbers of more than 15 characters (a set a station
/// reuses), long case numbers (one per case: a few hundred kilobytes a year), and whatever long
/// identifiers requests name. A restart starts it afresh.
final class InternedTexts: Sendable {
    static let shared = InternedTexts()

    private struct Table {
        var texts: [String] = []
        var numbers: [String: UInt64] = [:]
    }

    private let table = Mutex(Table())

    func number(of text: String) -> UInt64 {
        table.withLock { table in
            if let number = table.numbers[text] { return number }
            let number = UInt64(table.texts.count)
            table.texts.append(text)
            table.numbers[text] = number
            return number
        }
    }

    func text(number: UInt64) -> String {
        table.withLock { $0.texts[Int(number)] }
    }
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
    /// An alert key's condition (see `AlertKey.condition`).
    enum Condition {}
}

/// An alert key's condition text, held as an identifier.
typealias ConditionText = Identifier<IdentifierSubject.Condition>

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
