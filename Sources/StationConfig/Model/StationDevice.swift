public import DeviceProfiles

/// One installed device: a profile at a unit id on a bus, and where it is.
public struct StationDevice: Sendable, Hashable {
    /// Unique among devices.
    public var id: String
    /// The device profile's id (the file in `devices/`).
    public var profileID: String
    /// The kind of the profile, copied here so consumers need not look it up.
    public var kind: DeviceKind
    /// The bus's id.
    public var bus: String
    /// The Modbus unit (slave) id: 1–247 on RTU; 0–247 or 255 on TCP.
    public var unit: Int
    /// The zone the device is in, when written or implied by a zone's `readers` or `sensors`.
    public var zone: String?
    /// The door the device works, when it is a door's lock device.
    public var door: String?
    /// Free text for technicians, e.g. where the device is mounted.
    public var note: String?
    /// Where the device is written.
    public var location: SourceLocation

    public init(
        id: String, profileID: String, kind: DeviceKind, bus: String, unit: Int, zone: String? = nil,
        door: String? = nil, note: String? = nil, location: SourceLocation = .unknown
    ) {
        self.id = id
        self.profileID = profileID
        self.kind = kind
        self.bus = bus
        self.unit = unit
        self.zone = zone
        self.door = door
        self.note = note
        self.location = location
    }
}
