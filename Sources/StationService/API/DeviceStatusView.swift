/// A field device as the API shows it: no personal data, only what a technician needs.
public struct DeviceStatusView: Sendable, Hashable, Codable {
    /// The device id from the station file.
    public var id: String
    /// What it is (`reader`, `lock`, `sensor`, `recorder`, `fire_panel`, …), if known.
    public var kind: String?
    /// The bus it is on (`rs485-a`, `tcp:10.0.0.5:502`), if known.
    public var bus: String?
    public var online: Bool
    /// A technician's one-line state ("ok", "no answer after 3 tries, 500 ms timeout").
    public var detail: String
    /// UTC milliseconds of the last good poll, if any.
    public var lastSeen: Int64?
    /// Polls and failed polls since the daemon started, if counted.
    public var polls: Int?
    public var errors: Int?

    public init(
        id: String, kind: String? = nil, bus: String? = nil, online: Bool, detail: String, lastSeen: Int64? = nil,
        polls: Int? = nil, errors: Int? = nil
    ) {
        self.id = id
        self.kind = kind
        self.bus = bus
        self.online = online
        self.detail = detail
        self.lastSeen = lastSeen
        self.polls = polls
        self.errors = errors
    }
}
