/// The last known status of a device.
public struct DeviceRecord: Sendable, Hashable, Codable {
    public var device: String
    public var online: Bool
    public var detail: String
    /// When it entered its current online/offline state.
    public var since: UTCMillis
    public var updatedAt: UTCMillis
}
