import DeviceProfiles

extension FieldBusSupervisor {
    /// Refuses a bus and device list that cannot run: ids twice, two buses on one endpoint, devices on
    /// unknown buses or sharing a unit id, deadbands for points the profile lacks, intervals below 1 ms.
    static func validate(buses: [BusSpec], devices: [DeviceSpec]) throws(FieldBusConfigurationError) {
        var busByID: [String: BusSpec] = [:]
        var endpoints: [String: String] = [:]
        for bus in buses {
            guard busByID[bus.id] == nil else { throw .duplicateBus(bus.id) }
            busByID[bus.id] = bus
            let endpoint: String
            switch bus.endpoint {
            case .tcp: endpoint = bus.endpoint.description
            case .rtu(let selector, _): endpoint = selector.description
            }
            if let other = endpoints[endpoint] { throw .sharedEndpoint(buses: [other, bus.id], endpoint: endpoint) }
            endpoints[endpoint] = bus.id
        }
        var seen: Set<String> = []
        var units: [String: [Int: String]] = [:]
        for device in devices {
            guard seen.insert(device.id).inserted else { throw .duplicateDevice(device.id) }
            guard let bus = busByID[device.busID] else { throw .unknownBus(device: device.id, bus: device.busID) }
            let isTCP = if case .tcp = bus.endpoint { true } else { false }
            guard (1...247).contains(device.unit) || (isTCP && (device.unit == 0 || device.unit == 255)) else {
                throw .invalidUnit(device: device.id, unit: device.unit)
            }
            if let other = units[bus.id]?[device.unit] {
                throw .duplicateUnit(bus: bus.id, unit: device.unit, devices: [other, device.id])
            }
            units[bus.id, default: [:]][device.unit] = device.id
            for point in device.deadbands.keys.sorted() where device.profile.point(named: point) == nil {
                throw .unknownPoint(device: device.id, point: point)
            }
            if let interval = device.pollIntervalOverrideMs, interval < 1 {
                throw .invalidPollInterval(device: device.id, milliseconds: interval)
            }
        }
    }
}
