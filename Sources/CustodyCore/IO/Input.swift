/// Everything the core is fed: what the field saw, what an officer asked, or time passing.
public enum Input: Sendable, Hashable, Codable {
    case observation(Observation)
    case command(Command)
    /// Time passed; the shell sends one at `CustodyEngine.nextDeadline`.
    case tick
}

/// A request made by a named officer. The core validates it against the state; a rejected
/// command changes nothing.
public struct Command: Sendable, Hashable, Codable {
    /// The officer who acts (and who approves, for approvals).
    public var officer: OfficerID
    public var action: CommandAction

    public init(by officer: OfficerID, _ action: CommandAction) {
        self.officer = officer
        self.action = action
    }
}
