public import Modbus

/// Everything custodyd knows about one device model: how to reach it, what to read, what it may
/// be told to do, and which occurrences it reports. Instance data (bus, unit id, room) lives in
/// the station file.
public struct DeviceProfile: Sendable, Hashable {
    /// The schema versions this build reads.
    public static let supportedVersions = [1]

    /// The profile id, `[a-z0-9-]`, unique in `devices/`.
    public var id: String
    /// The schema version the file was written for.
    public var version: Int
    /// The maker, as written.
    public var vendor: String
    /// The model name; the id when not written.
    public var model: String
    /// What the device does; doors carry extra safety rules.
    public var kind: DeviceKind
    /// How the model can be reached.
    public var transports: [Transport]
    /// Present for RTU models.
    public var serialDefaults: SerialSettings?
    /// Timeouts and read limits.
    public var timing: DeviceTiming
    /// Default poll interval and offline handling.
    public var poll: PollSettings
    /// The values the device exposes, in file order.
    public var points: [Point]
    /// The writes the device accepts, in file order.
    public var commands: [Command]
    /// The occurrences the device reports.
    public var events: [DeviceEvent]
    /// Probes that recognise the model on a bus.
    public var identify: [IdentifyProbe]
    /// Per point, how the simulator animates it.
    public var simulation: [SimulationHint]
    /// The `description` text, if any.
    public var summary: String?
    /// Where the profile starts in its file.
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

    /// The commands that write `address` of `table`: how a simulator recognises an incoming write
    /// as, say, an unlock pulse.
    public func commands(writing table: ModbusTable, address: Int) -> [Command] {
        commands.filter { $0.table == table && $0.address == address }
    }

    /// How the simulator animates the point called `name`, if the profile says.
    public func simulationHint(for name: String) -> SimulationHint? { simulation.first { $0.point == name } }

    /// The poll interval of `point`: its own, or the profile default.
    public func interval(of point: Point) -> Int { point.intervalMs ?? poll.intervalMs }
}
