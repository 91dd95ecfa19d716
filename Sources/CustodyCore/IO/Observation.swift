/// Something the shell saw on the field bus.
public enum Observation: Sendable, Hashable, Codable {
    /// A reader in `zone` saw `tag`.
    case tagSeen(tag: TagID, zone: ZoneID)
    /// No reader sees `tag` any more.
    case tagLost(tag: TagID)
    /// A wristband's strap opened (`true`) or closed again (`false`).
    case strap(tag: TagID, opened: Bool)
    /// A tag reported its battery level.
    case tagBattery(tag: TagID, percent: Double)
    /// A tag was presented at a door's reader, asking to pass.
    case accessRequest(tag: TagID, door: DoorID)
    /// A door's position sensor reported open or closed.
    case doorPosition(door: DoorID, open: Bool)
    /// A lock reported (read back) its state.
    case lockState(door: DoorID, locked: Bool)
    /// A sensor reported a value.
    case sensor(device: DeviceID, quantity: Quantity, value: Double)
    /// The fire panel signalled an alarm (`true`) or its reset (`false`).
    case fire(active: Bool)
    /// An interview-room recorder started or stopped.
    case recorder(device: DeviceID, running: Bool)
    /// A device answered again, or missed its polls (the shell decides after 3 missed polls).
    case device(device: DeviceID, online: Bool)

    enum CodingKeys: String, CodingKey {
        case tagSeen = "tag_seen"
        case tagLost = "tag_lost"
        case strap
        case tagBattery = "tag_battery"
        case accessRequest = "access_request"
        case doorPosition = "door_position"
        case lockState = "lock_state"
        case sensor
        case fire
        case recorder
        case device
    }
}
