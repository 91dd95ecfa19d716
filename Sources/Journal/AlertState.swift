/// Where an alert stands: raised and unanswered, acknowledged by an officer, or cleared by the core.
public enum AlertState: String, Sendable, Hashable, Codable, CaseIterable {
    case open, acknowledged, cleared
}
