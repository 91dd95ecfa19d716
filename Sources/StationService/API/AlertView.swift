public import CustodyCore

/// An open alert as the API and the event stream show it. `id` is the alert's stable id (the same the
/// journal uses), which `POST /v1/alerts/ack` takes.
public struct AlertView: Sendable, Hashable, Codable {
    public var id: String
    public var rule: String
    public var condition: String
    public var level: AlertLevel
    public var message: String
    public var person: String?
    public var zone: String?
    public var door: String?
    public var tag: String?
    public var device: String?
    public var facts: [Fact]
    public var raisedAt: Int64
    public var notifiedAt: Int64
    public var acknowledgedBy: String?

    public init(_ alert: Alert) {
        id = alert.key.description
        rule = alert.key.rule.rawValue
        condition = alert.key.condition
        level = alert.level
        message = alert.message
        person = alert.key.person?.rawValue
        zone = alert.key.zone?.rawValue
        door = alert.key.door?.rawValue
        tag = alert.key.tag?.rawValue
        device = alert.key.device?.rawValue
        facts = alert.facts
        raisedAt = alert.raisedAt.milliseconds
        notifiedAt = alert.notifiedAt.milliseconds
        acknowledgedBy = alert.acknowledgedBy?.rawValue
    }
}
