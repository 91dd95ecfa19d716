/// A bus or device list the field bus cannot run.
public enum FieldBusConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Two buses share an id.
    case duplicateBus(String)
    /// Two buses name one endpoint or port: one owner per bus, one connection per TCP endpoint.
    case sharedEndpoint(buses: [String], endpoint: String)
    /// Two devices share an id.
    case duplicateDevice(String)
    /// A device names a bus that is not defined.
    case unknownBus(device: String, bus: String)
    /// Two devices on one bus share a unit id: they would answer each other's requests.
    case duplicateUnit(bus: String, unit: Int, devices: [String])
    /// A deadband names a point the device's profile does not have.
    case unknownPoint(device: String, point: String)
    /// A poll interval override below 1 ms.
    case invalidPollInterval(device: String, milliseconds: Int)
    /// The unit id is not one a master may address (1–247; 0 or 255 also on TCP).
    case invalidUnit(device: String, unit: Int)

    public var description: String {
        switch self {
        case .duplicateBus(let id): "bus '\(id)' is defined twice"
        case .sharedEndpoint(let buses, let endpoint):
            "buses \(buses.joined(separator: " and ")) both use \(endpoint): put the devices on one bus"
        case .duplicateDevice(let id): "device '\(id)' is defined twice"
        case .unknownBus(let device, let bus): "device '\(device)' names bus '\(bus)', which is not defined"
        case .duplicateUnit(let bus, let unit, let devices):
            "devices \(devices.joined(separator: " and ")) share unit \(unit) on bus '\(bus)'"
        case .unknownPoint(let device, let point): "device '\(device)': deadband for '\(point)', which its profile does not have"
        case .invalidPollInterval(let device, let ms): "device '\(device)': poll interval \(ms) ms must be at least 1 ms"
        case .invalidUnit(let device, let unit): "device '\(device)': unit \(unit) is not 1–247 (or 0 or 255 on TCP)"
        }
    }
}
