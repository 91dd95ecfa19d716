/// A named point of an installed device, e.g. the fire panel's alarm input.
public struct PointReference: Sendable, Hashable, CustomStringConvertible {
    /// The station device's id.
    public var device: String
    /// The point's name in the device's profile.
    public var point: String

    public init(device: String, point: String) {
        self.device = device
        self.point = point
    }

    /// `device.point`.
    public var description: String { "\(device).\(point)" }
}
