/// `POST /v1/devices/{id}/commands`: how a profile command sent by hand ended.
struct DeviceCommandView: Encodable {
    var device: String
    var command: String
    /// The outcome in words: `verified after 240 ms`, `written but not verified (…)`.
    var outcome: String
    /// Whether the profile's read-back proved the command took effect.
    var verified: Bool
    /// Whether the command is known to have taken effect (verified, or acknowledged when it has no read-back).
    var succeeded: Bool
}
