public import DeviceProfiles

/// One device instance on a bus: which profile it follows, at which unit id, with which per-site tuning.
public struct DeviceSpec: Sendable, Hashable {
    /// Unique in the station, e.g. `door-3`; every event names the device by it.
    public var id: String
    /// The ``BusSpec/id`` of the bus the device hangs on.
    public var busID: String
    /// The Modbus unit id (1–247; 255 is accepted on TCP).
    public var unit: Int
    /// The device model.
    public var profile: DeviceProfile
    /// Per point name, the smallest change of a numeric value worth reporting; points not named report
    /// every change.
    public var deadbands: [String: Double]
    /// Replaces the profile's default poll interval (points with their own `interval_ms` keep it).
    public var pollIntervalOverrideMs: Int?

    public init(
        id: String, busID: String, unit: Int, profile: DeviceProfile, deadbands: [String: Double] = [:],
        pollIntervalOverrideMs: Int? = nil
    ) {
        self.id = id
        self.busID = busID
        self.unit = unit
        self.profile = profile
        self.deadbands = deadbands
        self.pollIntervalOverrideMs = pollIntervalOverrideMs
    }

    /// The profile with the override applied: what the poller plans from.
    var effectiveProfile: DeviceProfile {
        var profile = profile
        if let pollIntervalOverrideMs { profile.poll.intervalMs = pollIntervalOverrideMs }
        return profile
    }
}
