public import CustodyCore
import DeviceProfiles
public import FieldBus
import Modbus
public import StationConfig
import Synchronization

/// Turns what the field buses report into what the core understands, using the station file to know
/// what each device and point means: a reader's tag read is a tag seen in its zone (and, at a door's
/// reader, an officer asking to pass); a lock's position and bond points are the door's position and
/// lock state; a sensor's temperature, humidity or CO₂ is a sensor value; the fire panel's alarm point
/// is the fire signal; a recorder's wired input is the recorder running; online and offline are the
/// device's health. Anything else is for the technician's eyes only and yields nothing.
///
/// Called from every bus thread; its only state (each door's last known position) is behind a lock.
public final class FieldTranslator: Sendable {
    private struct DoorPoints: Sendable {
        var door: DoorID
        var position: String
        var bond: String
    }

    private let readerZone: [String: ZoneID]
    private let readerDoors: [String: [DoorID]]
    private let doorOfDevice: [String: DoorPoints]
    private let sensorDevices: Set<String>
    private let recorderPoints: [String: [String: DeviceID]]
    private let fireAlarm: PointReference?
    private let officerTags: Set<TagID>
    private let doorOpen = Mutex<[DoorID: Bool]>([:])

    public init(station: Station) {
        var readerZone: [String: ZoneID] = [:]
        var sensors = Set<String>()
        for zone in station.zones {
            for reader in zone.readers { readerZone[reader] = ZoneID(zone.id) }
            sensors.formUnion(zone.sensors)
        }
        var readerDoors: [String: [DoorID]] = [:]
        var doorOfDevice: [String: DoorPoints] = [:]
        for door in station.doors {
            for reader in door.readers { readerDoors[reader, default: []].append(DoorID(door.id)) }
            doorOfDevice[door.device] = DoorPoints(door: DoorID(door.id), position: door.positionPoint, bond: door.bondPoint)
        }
        var recorderPoints: [String: [String: DeviceID]] = [:]
        for recorder in station.recorders {
            if case .point(let reference) = recorder.source {
                recorderPoints[reference.device, default: [:]][reference.point] = DeviceID(recorder.id)
            }
        }
        self.readerZone = readerZone
        self.readerDoors = readerDoors
        self.doorOfDevice = doorOfDevice
        self.sensorDevices = sensors
        self.recorderPoints = recorderPoints
        self.fireAlarm = station.fire?.alarm
        self.officerTags = Set(station.officers.map { TagID(Self.normalise(tag: $0.tag)) })
    }

    /// The observations `event` means, in the order the core should see them.
    public func observations(for event: FieldEvent) -> [Observation] {
        let device = event.device
        switch event.kind {
        case .online:
            return [.device(device: DeviceID(device), online: true)]
        case .offline:
            return [.device(device: DeviceID(device), online: false)]
        case .commandFinished:
            return []
        case .occurred(let name, _, let captures):
            return occurred(name, captures: captures, device: device)
        case .sample(let point, let reading):
            return sample(point, reading: reading, device: device)
        }
    }

    private func occurred(_ name: String, captures: [String: PointReading], device: String) -> [Observation] {
        if let door = doorOfDevice[device], name == "door_forced" {
            // Opened while locked between two polls: show the core the opening, then the closing it missed.
            let wasOpen = doorOpen.withLock { $0[door.door] ?? false }
            return wasOpen ? [] : [.doorPosition(door: door.door, open: true), .doorPosition(door: door.door, open: false)]
        }
        guard name == "tag_read", case .string(let text)? = captures["tag_id"]?.value else { return [] }
        let tag = TagID(Self.normalise(tag: text))
        guard !tag.rawValue.isEmpty else { return [] }
        var result: [Observation] = []
        if let zone = readerZone[device] { result.append(.tagSeen(tag: tag, zone: zone)) }
        if officerTags.contains(tag) {
            for door in readerDoors[device] ?? [] { result.append(.accessRequest(tag: tag, door: door)) }
        }
        return result
    }

    private func sample(_ point: String, reading: PointReading, device: String) -> [Observation] {
        guard let value = reading.value else { return [] }
        if let fireAlarm, fireAlarm.device == device, fireAlarm.point == point, case .bool(let active) = value {
            return [.fire(active: active)]
        }
        if let door = doorOfDevice[device], case .bool(let flag) = value {
            if point == door.position {
                doorOpen.withLock { $0[door.door] = !flag }
                return [.doorPosition(door: door.door, open: !flag)]
            }
            if point == door.bond { return [.lockState(door: door.door, locked: flag)] }
        }
        if let recorder = recorderPoints[device]?[point], case .bool(let running) = value {
            return [.recorder(device: recorder, running: running)]
        }
        if sensorDevices.contains(device), let quantity = Quantity(rawValue: point), let number = value.numericValue {
            return [.sensor(device: DeviceID(device), quantity: quantity, value: number)]
        }
        return []
    }

    /// Tag ids as the station file writes them: upper-case hex without spaces or a NUL padding.
    static func normalise(tag: String) -> String {
        String(tag.unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) }).uppercased()
    }
}
