/// Everything custodyd knows about one device model: how to reach it, what to read, what it may
/// be told to do, and which occurrences it reports. Instance data (bus, unit id, room) lives in
/// the station file.
public struct DeviceProfile: Sendable, Hashable {
    /// The schema versions this build reads.
    public static let supportedVersions = [1]

    /// The profile id, `[a-z0-9-]`, unique in `devices/`.
    public var id: String
    public var version: Int
    public var vendor: String
    public var model: String
    public var kind: DeviceKind
    public var transports: [Transport]
    /// Present for RTU models.
    public var serialDefaults: SerialSettings?
    public var timing: DeviceTiming
    public var poll: PollSettings
    public var points: [Point]
    public var commands: [Command]
    public var events: [DeviceEvent]
    public var identify: [IdentifyProbe]
    /// Per point, how the simulator animates it.
    public var simulation: [SimulationHint]
    public var summary: String?
    public var location: SourceLocation

    public init(
        id: String, version: Int = 1, vendor: String, model: String, kind: DeviceKind, transports: [Transport],
        serialDefaults: SerialSettings? = nil, timing: DeviceTiming = DeviceTiming(), poll: PollSettings = PollSettings(),
        points: [Point], commands: [Command] = [], events: [DeviceEvent] = [], identify: [IdentifyProbe] = [],
        simulation: [SimulationHint] = [], summary: String? = nil, location: SourceLocation = .unknown
    ) {
        self.id = id
        self.version = version
        self.vendor = vendor
        self.model = model
        self.kind = kind
        self.transports = transports
        self.serialDefaults = serialDefaults
        self.timing = timing
        self.poll = poll
        self.points = points
        self.commands = commands
        self.events = events
        self.identify = identify
        self.simulation = simulation
        self.summary = summary
        self.location = location
    }

    /// The point called `name`, if any.
    public func point(named name: String) -> Point? { points.first { $0.name == name } }

    /// The command called `name`, if any.
    public func command(named name: String) -> Command? { commands.first { $0.name == name } }

    /// The poll interval of `point`: its own, or the profile default.
    public func interval(of point: Point) -> Int { point.intervalMs ?? poll.intervalMs }
}
