/// A station's custody area as its station file describes it: where the devices are, what the rooms
/// are, who works there and how the rules are tuned. Built only by the validating loader
/// (``Station/check(file:profiles:)``) or by tests.
public struct Station: Sendable, Hashable {
    /// The default path of the station file.
    public static let defaultPath = "/etc/custodyd/station.yaml"
    /// The station file versions this build reads.
    public static let supportedVersions = [1]

    /// The station's id, `[a-z0-9-]`; it names the station in exports and the journal.
    public var id: String
    /// The station's name, e.g. 城关派出所; the id when not written.
    public var name: String
    /// Civil time.
    public var timeZone: StationTimeZone
    /// Whether the daemon runs against simulators; only then may it accept `--time-scale`.
    public var simulation: Bool
    /// The journal database path.
    public var journalPath: String
    /// The file holding the key for hashing national ID numbers, if set.
    public var idHashKeyFile: String?
    /// Field buses, in file order.
    public var buses: [StationBus]
    /// Installed devices, in file order.
    public var devices: [StationDevice]
    /// Zones, in file order.
    public var zones: [StationZone]
    /// Controlled doors, in file order.
    public var doors: [StationDoor]
    /// Interview-room recorders, in file order.
    public var recorders: [StationRecorder]
    /// The fire panel's signals, if monitored.
    public var fire: FireSettings?
    /// Officers, from the station file or its roster, in file order.
    public var officers: [StationOfficer]
    /// The roster file the officers came from, resolved against the station file's folder.
    public var rosterFile: String?
    /// Rule parameter overrides.
    public var rules: RuleOverrides
    /// API listeners and tokens.
    public var api: APISettings
    /// The station file's path as given to the loader.
    public var file: String

    public init(
        id: String, name: String, timeZone: StationTimeZone, simulation: Bool = false,
        journalPath: String = Station.defaultJournalPath, idHashKeyFile: String? = nil, buses: [StationBus] = [],
        devices: [StationDevice] = [], zones: [StationZone] = [], doors: [StationDoor] = [],
        recorders: [StationRecorder] = [], fire: FireSettings? = nil, officers: [StationOfficer] = [],
        rosterFile: String? = nil, rules: RuleOverrides = RuleOverrides(), api: APISettings = APISettings(),
        file: String = "<none>"
    ) {
        self.id = id
        self.name = name
        self.timeZone = timeZone
        self.simulation = simulation
        self.journalPath = journalPath
        self.idHashKeyFile = idHashKeyFile
        self.buses = buses
        self.devices = devices
        self.zones = zones
        self.doors = doors
        self.recorders = recorders
        self.fire = fire
        self.officers = officers
        self.rosterFile = rosterFile
        self.rules = rules
        self.api = api
        self.file = file
    }

    /// The default journal database.
    public static let defaultJournalPath = "/var/lib/custodyd/journal.db"

    /// The bus with `id`, if any.
    public func bus(id: String) -> StationBus? { buses.first { $0.id == id } }
    /// The device with `id`, if any.
    public func device(id: String) -> StationDevice? { devices.first { $0.id == id } }
    /// The zone with `id`, if any.
    public func zone(id: String) -> StationZone? { zones.first { $0.id == id } }
    /// The door with `id`, if any.
    public func door(id: String) -> StationDoor? { doors.first { $0.id == id } }
    /// The recorder with `id`, if any.
    public func recorder(id: String) -> StationRecorder? { recorders.first { $0.id == id } }
    /// The officer with `id`, if any.
    public func officer(id: String) -> StationOfficer? { officers.first { $0.id == id } }
    /// The devices on bus `id`, in file order.
    public func devices(onBus id: String) -> [StationDevice] { devices.filter { $0.bus == id } }
}
