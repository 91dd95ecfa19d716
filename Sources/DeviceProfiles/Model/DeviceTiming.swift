/// Per-device timing and read limits. Defaults are those of DEVICES.md §5.
public struct DeviceTiming: Sendable, Hashable {
    /// Response timeout, 1…10000 ms.
    public var timeoutMs: Int
    /// Gap allowed between bytes of one reply; 0 disables the byte timeout.
    public var byteTimeoutMs: Int
    /// Pause after a connect before the first request (some devices drop it otherwise).
    public var delayAfterConnectMs: Int
    /// Pause between two requests to this device.
    public var interRequestMs: Int
    /// Most registers one FC3/FC4 read may ask for, 1…125.
    public var maxRegistersPerRead: Int
    /// Most bits one FC1/FC2 read may ask for, 1…2000.
    public var maxBitsPerRead: Int
    /// Unused items the read planner may read across to merge two reads (registers or bits).
    public var allowGaps: Int

    public init(
        timeoutMs: Int = 500, byteTimeoutMs: Int = 50, delayAfterConnectMs: Int = 0, interRequestMs: Int = 0,
        maxRegistersPerRead: Int = 125, maxBitsPerRead: Int = 2000, allowGaps: Int = 0
    ) {
        self.timeoutMs = timeoutMs
        self.byteTimeoutMs = byteTimeoutMs
        self.delayAfterConnectMs = delayAfterConnectMs
        self.interRequestMs = interRequestMs
        self.maxRegistersPerRead = maxRegistersPerRead
        self.maxBitsPerRead = maxBitsPerRead
        self.allowGaps = allowGaps
    }
}
