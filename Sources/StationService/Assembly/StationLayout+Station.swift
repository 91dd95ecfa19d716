public import CustodyCore
public import StationConfig

extension StationLayout {
    /// The core's view of a station file: zones, doors, readers, recorders, sensors and officers, in the
    /// file's order. Doors to `outside` keep that zone id; the core treats it as beyond the area.
    public init(station: Station) {
        let deviceZone = Dictionary(
            station.zones.flatMap { zone in (zone.readers + zone.sensors).map { ($0, zone.id) } },
            uniquingKeysWith: { first, _ in first })
        self.init(
            zones: station.zones.map { zone in
                Zone(
                    id: ZoneID(zone.id), kind: CustodyCore.ZoneKind(stationKind: zone.kind), capacity: zone.capacity,
                    area: zone.areaSquareMetres, watchPost: zone.watchPost.map { ZoneID($0) })
            },
            doors: station.doors.map { door in
                Door(
                    id: DoorID(door.id), between: ZoneID(door.between[0]), and: ZoneID(door.between[1]),
                    lock: DeviceID(door.device), positionSensor: DeviceID(door.device))
            },
            readers: station.zones.flatMap { zone in zone.readers.map { ZoneDevice(id: DeviceID($0), zone: ZoneID(zone.id)) } },
            recorders: station.recorders.map { ZoneDevice(id: DeviceID($0.id), zone: ZoneID($0.room)) },
            sensors: station.zones.flatMap { zone in
                zone.sensors.compactMap { id in deviceZone[id].map { ZoneDevice(id: DeviceID(id), zone: ZoneID($0)) } }
            },
            officers: station.officers.map { officer in
                Officer(
                    id: OfficerID(officer.id), name: officer.name, sex: officer.sex == .male ? .male : .female,
                    tag: TagID(officer.tag))
            })
    }
}

extension CustodyCore.ZoneKind {
    /// The core's zone kind for a station file's.
    init(stationKind kind: StationConfig.ZoneKind) {
        switch kind {
        case .entrance: self = .entrance
        case .safetyCheck: self = .safetyCheck
        case .infoCollection: self = .infoCollection
        case .holding: self = .holding
        case .interview: self = .interview
        case .locker: self = .locker
        case .corridor: self = .corridor
        case .exit: self = .exit
        case .dutyPost: self = .dutyPost
        }
    }
}
