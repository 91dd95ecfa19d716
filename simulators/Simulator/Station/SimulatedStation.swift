public import DeviceProfiles
import Foundation
public import StationConfig

/// Every device of a station file brought to life, one ``SimulatedBus`` per station bus, and steered by
/// station device id instead of unit (`tag reader-holding-1 0A1B2C01`, `fire on`, `door door-exit open`;
/// see ``control(_:)``). Serving the buses over Modbus is ``StationServer``'s job.
public final class SimulatedStation: Sendable {
    /// Where a station device sits.
    public struct Placement: Sendable, Hashable {
        /// The station bus's id.
        public let bus: String
        /// The unit id on that bus.
        public let unit: Int
        /// The device profile's id.
        public let profile: String
    }

    /// The station file as loaded.
    public let station: Station
    /// One simulated bus per station bus, by bus id.
    public let buses: [String: SimulatedBus]
    let placements: [String: Placement]
    let log: ActivityLog

    /// Creates every device of `station` from `profiles` and starts animating them.
    ///
    /// - Parameter seed: Sensor drift seed; each bus's devices drift apart from another bus's.
    public init(station: Station, profiles: ProfileLibrary, seed: UInt64 = 1) throws(SimulatorError) {
        let log = ActivityLog()
        var placements: [String: Placement] = [:]
        var devicesByBus: [(bus: String, devices: [SimulatedDevice], names: [Int: String])] = []
        for (index, bus) in station.buses.enumerated() {
            var devices: [SimulatedDevice] = []
            var names: [Int: String] = [:]
            for device in station.devices(onBus: bus.id) {
                guard let profile = profiles.profile(id: device.profileID) else {
                    throw .invalid("device \(device.id): no device profile '\(device.profileID)'")
                }
                do {
                    devices.append(try SimulatedDevice(profile: profile, unit: device.unit, seed: seed &+ UInt64(index) << 16))
                } catch {
                    throw .invalid("device \(device.id) (\(profile.id)): \(error)")
                }
                names[device.unit] = device.id
                placements[device.id] = Placement(bus: bus.id, unit: device.unit, profile: profile.id)
            }
            devicesByBus.append((bus.id, devices, names))
        }
        var buses: [String: SimulatedBus] = [:]
        for (id, devices, names) in devicesByBus {
            do {
                buses[id] = try SimulatedBus(devices: devices) { activity in
                    switch activity {
                    case .tick:
                        log.record()
                    case .write(let unit, let action, _):
                        log.record("write \(names[unit] ?? "\(id):\(unit)") \(action) t=\(Self.timestamp())")
                    }
                }
            } catch {
                for bus in buses.values { bus.stop() }
                throw .invalid("bus \(id): \(error)")
            }
        }
        self.station = station
        self.buses = buses
        self.placements = placements
        self.log = log
    }

    /// Stops animating the devices and ends every `wait` and `watch` in progress.
    public func stop() {
        for bus in buses.values { bus.stop() }
        log.close()
    }

    /// Where the station device `id` sits, if there is one.
    public func placement(of id: String) -> Placement? { placements[id] }

    /// The simulated station device `id`, if there is one.
    public func device(id: String) -> SimulatedDevice? {
        placements[id].flatMap { buses[$0.bus]?.devices[$0.unit] }
    }

    /// Wall-clock milliseconds since 1970 with microseconds, for lines a test or benchmark lines up with
    /// its own clock.
    static func timestamp() -> String {
        String(format: "%.3f", Date().timeIntervalSince1970 * 1000)
    }
}
