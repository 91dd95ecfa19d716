public import DeviceProfiles
public import FieldBus
import Modbus
public import StationConfig

/// The field buses and devices of a station, as the FieldBus supervisor takes them.
public struct FieldBusPlan: Sendable {
    public var buses: [BusSpec]
    public var devices: [DeviceSpec]

    /// The plan for `station`, whose devices name profiles in `profiles` (the loader has checked that
    /// every one exists). DEV-01's `offline_after_misses` override applies to every device.
    public init(station: Station, profiles: ProfileLibrary) throws(FieldBusPlanError) {
        var buses: [BusSpec] = []
        for bus in station.buses {
            switch bus.link {
            case .tcp(let host, let port):
                buses.append(BusSpec(id: bus.id, endpoint: .tcp(host: host, port: port)))
            case .rtu(let selector, let settings):
                let line: SerialLine
                do {
                    line = try SerialLine(
                        baud: settings.baud, parity: SerialLine.Parity(rawValue: settings.parity.rawValue) ?? .none,
                        dataBits: settings.dataBits, stopBits: settings.stopBits)
                } catch {
                    throw FieldBusPlanError(bus: bus.id, reason: "line settings: \(error)")
                }
                let port: PortSelector =
                    switch selector {
                    case .path(let path): .path(path)
                    case .match(let vendor, let model, let serial): PortSelector(vendorID: vendor, modelID: model, serial: serial)
                    }
                buses.append(BusSpec(id: bus.id, endpoint: .rtu(port, line)))
            }
        }
        let misses: Int? = if case .count(let count)? = station.rules.value(rule: "DEV-01", parameter: "offline_after_misses") { count } else { nil }
        var devices: [DeviceSpec] = []
        for device in station.devices {
            guard var profile = profiles.profile(id: device.profileID) else {
                throw FieldBusPlanError(bus: device.bus, reason: "device '\(device.id)' names profile '\(device.profileID)', which is not loaded")
            }
            if let misses { profile.poll.offlineAfterMisses = misses }
            devices.append(DeviceSpec(id: device.id, busID: device.bus, unit: device.unit, profile: profile))
        }
        self.buses = buses
        self.devices = devices
    }
}

/// A station whose buses the field-bus layer cannot take.
public struct FieldBusPlanError: Error, Sendable, CustomStringConvertible {
    public var bus: String
    public var reason: String

    public var description: String { "bus '\(bus)': \(reason)" }
}
