/// A bus or device list the field bus cannot run.
public enum FieldBusConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    case duplicateBus(String)
    case duplicateDevice(String)
    case unknownBus(device: String, bus: String)
    case duplicateUnit(bus: String, unit: Int, devices: [String])
    case invalidUnit(device: String, unit: Int)

    public var description: String {
        switch self {
        case .duplicateBus(let id): "bus '\(id)' is defined twice"
        case .duplicateDevice(let id): "device '\(id)' is defined twice"
        case .unknownBus(let device, let bus): "device '\(device)' names bus '\(bus)', which is not defined"
        case .duplicateUnit(let bus, let unit, let devices):
            "devices \(devices.joined(separator: " and ")) share unit \(unit) on bus '\(bus)'"
        case .invalidUnit(let device, let unit): "device '\(device)': unit \(unit) is not 1–247 (or 255 on TCP)"
        }
    }
}
