/// How often a device's points are read, and when it counts as offline.
public struct PollSettings: Sendable, Hashable {
    /// The default interval for points without their own `interval_ms`.
    public var intervalMs: Int
    /// The interval while the device is offline, so a dead device does not eat the bus.
    public var offlineIntervalMs: Int
    /// Consecutive failed polls after which the device is offline.
    public var offlineAfterMisses: Int

    public init(intervalMs: Int = 5000, offlineIntervalMs: Int = 30000, offlineAfterMisses: Int = 3) {
        self.intervalMs = intervalMs
        self.offlineIntervalMs = offlineIntervalMs
        self.offlineAfterMisses = offlineAfterMisses
    }
}
