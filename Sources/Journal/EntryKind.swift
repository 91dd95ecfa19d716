/// The kind of a journal entry, used to filter replay and queries.
///
/// An open set: the daemon may journal kinds not listed here. The listed ones are what the shell and
/// the core exchange (DESIGN.md): inputs (observations, commands, ticks) and effects, with door moves
/// journaled as an intent followed by its outcome.
public struct EntryKind: RawRepresentable, Sendable, Hashable, Codable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    /// The stored name of the kind.
    public var rawValue: String

    /// A kind by its stored name.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// A kind written as a string literal.
    public init(stringLiteral value: String) { self.rawValue = value }

    public var description: String { rawValue }

    /// Something a device or reader reported.
    public static let observation: EntryKind = "observation"
    /// Something an officer asked for: registration, welfare log, approval, release.
    public static let command: EntryKind = "command"
    /// A deadline the core asked to be woken for.
    public static let tick: EntryKind = "tick"
    /// A decision of the core: raise or clear an alert, and so on.
    public static let effect: EntryKind = "effect"
    /// A door command about to be sent.
    public static let doorIntent: EntryKind = "door-intent"
    /// What became of a door command.
    public static let doorOutcome: EntryKind = "door-outcome"
    /// Daemon life cycle: start, stop, configuration loaded, clock jump seen.
    public static let system: EntryKind = "system"
}
