/// Lookups derived once from a `StationLayout`, so that no rule ever scans the whole station.
struct StationIndex: Sendable, Equatable {
    /// Every zone of the layout, and every zone a device or a watch post names, with what the layout
    /// says about it.
    var zoneInfo: [ZoneID: ZoneInfo] = [:]
    var doors: [DoorID: StationLayout.Door] = [:]
    /// Every officer's sex (what the rules ask of an officer; also whether an identifier is an officer's).
    var officerSex: [OfficerID: Sex] = [:]
    var officerByTag: [TagID: OfficerID] = [:]
    /// The zone of every reader, recorder and sensor.
    var deviceZone: [DeviceID: ZoneID] = [:]
    /// The door whose lock or position sensor is a given device.
    var doorOfDevice: [DeviceID: DoorID] = [:]
    /// Doors in layout order, for deterministic iteration.
    var doorOrder: [DoorID] = []
    var exitZones: [ZoneID] = []

    init(_ layout: StationLayout) {
        var zones: [ZoneID: StationLayout.Zone] = [:]
        var watchedFrom: [ZoneID: [ZoneID]] = [:]
        var readersByZone: [ZoneID: [DeviceID]] = [:]
        var recordersByZone: [ZoneID: [DeviceID]] = [:]
        var sensorsByZone: [ZoneID: [DeviceID]] = [:]
        for zone in layout.zones {
            zones[zone.id] = zone
            if let post = zone.watchPost { watchedFrom[post, default: []].append(zone.id) }
            if zone.kind == .exit { exitZones.append(zone.id) }
        }
        for door in layout.doors {
            doors[door.id] = door
            doorOrder.append(door.id)
            if let lock = door.lock { doorOfDevice[lock] = door.id }
            if let sensor = door.positionSensor { doorOfDevice[sensor] = door.id }
        }
        for officer in layout.officers {
            officerSex[officer.id] = officer.sex
            if let tag = officer.tag { officerByTag[tag] = officer.id }
        }
        for reader in layout.readers {
            deviceZone[reader.id] = reader.zone
            readersByZone[reader.zone, default: []].append(reader.id)
        }
        for recorder in layout.recorders {
            deviceZone[recorder.id] = recorder.zone
            recordersByZone[recorder.zone, default: []].append(recorder.id)
        }
        for sensor in layout.sensors {
            deviceZone[sensor.id] = sensor.zone
            sensorsByZone[sensor.zone, default: []].append(sensor.id)
        }
        var named = Set(zones.keys)
        named.formUnion(watchedFrom.keys)
        named.formUnion(readersByZone.keys)
        named.formUnion(recordersByZone.keys)
        named.formUnion(sensorsByZone.keys)
        for id in named {
            zoneInfo[id] = ZoneInfo(
                zone: zones[id], readers: readersByZone[id] ?? [], recorders: recordersByZone[id] ?? [],
                sensors: sensorsByZone[id] ?? [], watched: watchedFrom[id] ?? [])
        }
    }

    /// Whether the layout has the door: a look-up that copies no door (and its list of zones) out.
    func hasDoor(_ door: DoorID) -> Bool { doors.index(forKey: door) != nil }

    /// The kind of a zone, if the zone exists.
    func kind(of zone: ZoneID?) -> ZoneKind? {
        guard let zone else { return nil }
        return zoneInfo[zone]?.kind
    }
}
