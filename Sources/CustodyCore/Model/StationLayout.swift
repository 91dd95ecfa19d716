/// The fixed shape of a custody area: zones, doors, devices and the officers who work there.
///
/// The shell builds it from the station file; the core only reads it. Arrays keep the file's order,
/// which makes every derived iteration order deterministic.
public struct StationLayout: Sendable, Hashable, Codable {
    /// A room or corridor seen by one or more readers.
    public struct Zone: Sendable, Hashable, Codable {
        public var id: ZoneID
        public var kind: ZoneKind
        /// Maximum people (holding rooms; OCC-01). `nil` means the rule default.
        public var capacity: Int?
        /// Floor area in m², which caps the capacity at floor(area / 6 m²) for holding rooms.
        public var area: Double?
        /// For a holding room: the zone an officer must occupy to watch it (SUP-03).
        public var watchPost: ZoneID?

        public init(id: ZoneID, kind: ZoneKind, capacity: Int? = nil, area: Double? = nil, watchPost: ZoneID? = nil) {
            self.id = id
            self.kind = kind
            self.capacity = capacity
            self.area = area
            self.watchPost = watchPost
        }

        enum CodingKeys: String, CodingKey {
            case id, kind, capacity, area
            case watchPost = "watch_post"
        }
    }

    /// A door between two zones, with its optional lock and position sensor.
    public struct Door: Sendable, Hashable, Codable {
        public var id: DoorID
        public var zones: [ZoneID]
        /// The lock controller, if the daemon controls this door.
        public var lock: DeviceID?
        /// The door-position sensor, if fitted.
        public var positionSensor: DeviceID?

        public init(id: DoorID, between zoneA: ZoneID, and zoneB: ZoneID, lock: DeviceID? = nil, positionSensor: DeviceID? = nil) {
            self.id = id
            self.zones = [zoneA, zoneB]
            self.lock = lock
            self.positionSensor = positionSensor
        }

        enum CodingKeys: String, CodingKey {
            case id, zones, lock
            case positionSensor = "position_sensor"
        }
    }

    /// A device that belongs to one zone: a tag reader, a recorder or a sensor.
    public struct ZoneDevice: Sendable, Hashable, Codable {
        public var id: DeviceID
        public var zone: ZoneID

        public init(id: DeviceID, zone: ZoneID) {
            self.id = id
            self.zone = zone
        }
    }

    /// An officer who may act in the area and the tag they wear.
    public struct Officer: Sendable, Hashable, Codable {
        public var id: OfficerID
        public var name: String
        public var sex: Sex
        public var tag: TagID?

        public init(id: OfficerID, name: String, sex: Sex, tag: TagID? = nil) {
            self.id = id
            self.name = name
            self.sex = sex
            self.tag = tag
        }
    }

    public var zones: [Zone]
    public var doors: [Door]
    public var readers: [ZoneDevice]
    /// Audio-video recorders, one or more per interview room (REC-01).
    public var recorders: [ZoneDevice]
    /// Environment and vital-sign sensors (ENV-01, VIT-01).
    public var sensors: [ZoneDevice]
    public var officers: [Officer]

    public init(
        zones: [Zone], doors: [Door] = [], readers: [ZoneDevice] = [], recorders: [ZoneDevice] = [],
        sensors: [ZoneDevice] = [], officers: [Officer] = []
    ) {
        self.zones = zones
        self.doors = doors
        self.readers = readers
        self.recorders = recorders
        self.sensors = sensors
        self.officers = officers
    }
}
