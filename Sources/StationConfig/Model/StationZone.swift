public import DeviceProfiles

/// A room or corridor seen by one or more readers.
public struct StationZone: Sendable, Hashable {
    /// The zone id reserved for everything outside the custody area; doors may lead there.
    public static let outside = "outside"

    /// Unique among zones.
    public var id: String
    /// The name people see, e.g. 候问室1; the id when not written.
    public var name: String
    /// What the zone is for.
    public var kind: ZoneKind
    /// How many people in custody the zone may hold; holding rooms default to 1, other zones have no limit.
    public var capacity: Int?
    /// Floor area in m², when known; a holding room's capacity may not exceed floor(area / 6 m²).
    public var areaSquareMetres: Double?
    /// The zone's place on the floor plan, for the dashboard.
    public var position: FloorPlanRect?
    /// For a holding room: the duty-post zone from which it is watched.
    public var watchPost: String?
    /// The wristband readers that see tags in this zone (device ids).
    public var readers: [String]
    /// The environment (and other) sensors in this zone (device ids).
    public var sensors: [String]
    /// For an interview room: the recorder id.
    public var recorder: String?
    /// Where the zone is written.
    public var location: SourceLocation

    public init(
        id: String, name: String, kind: ZoneKind, capacity: Int? = nil, areaSquareMetres: Double? = nil,
        position: FloorPlanRect? = nil, watchPost: String? = nil, readers: [String] = [], sensors: [String] = [],
        recorder: String? = nil, location: SourceLocation = .unknown
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.capacity = capacity
        self.areaSquareMetres = areaSquareMetres
        self.position = position
        self.watchPost = watchPost
        self.readers = readers
        self.sensors = sensors
        self.recorder = recorder
        self.location = location
    }
}
