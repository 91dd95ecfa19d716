/// Everything the core is fed: what the field saw, what an officer asked, or time passing.
public enum Input: Sendable, Hashable, Codable {
    case observation(Observation)
    case command(Command)
    /// Time passed; the shell sends one at `CustodyEngine.nextDeadline`.
    case tick

    private enum CodingKeys: String, CodingKey {
        case observation, command, tick
    }

    /// Encodes as `{"observation": …}`, `{"command": …}` or `{"tick": {}}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .observation(let observation): try container.encode(observation, forKey: .observation)
        case .command(let command): try container.encode(command, forKey: .command)
        case .tick: _ = container.nestedContainer(keyedBy: CodingKeys.self, forKey: .tick)
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let observation = try container.decodeIfPresent(Observation.self, forKey: .observation) {
            self = .observation(observation)
        } else if let command = try container.decodeIfPresent(Command.self, forKey: .command) {
            self = .command(command)
        } else if container.contains(.tick) {
            self = .tick
        } else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "expected one of observation, command, tick"))
        }
    }
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
