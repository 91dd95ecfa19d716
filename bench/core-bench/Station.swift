import CustodyCore

/// A station built of wings: common intake rooms (entrance, two safety-check and two
/// information-collection rooms, locker, exit, a lobby corridor) and, per wing, a corridor, a duty
/// post, eight holding rooms (capacity 4, 24 m²; fewer in a station for fewer than 32 people) and two
/// interview rooms. Every zone has a reader,
/// every door a lock and a position sensor, every interview and information room a recorder, every
/// holding room an environment and a vital-sign sensor, every interview room an environment sensor.
struct Station {
    struct Wing {
        var corridor: ZoneID
        var duty: ZoneID
        var holding: [ZoneID]
        var interview: [ZoneID]
        /// Officers who roam the wing; the first one keeps the duty post.
        var officers: [OfficerID]
    }

    static let holdingPerWing = 8
    static let interviewPerWing = 2
    static let holdingCapacity = 4

    let layout: StationLayout
    let wings: [Wing]
    let intakeOfficers: [OfficerID]
    let officerTag: [OfficerID: TagID]
    let doorsByZone: [ZoneID: DoorID]
    let wingOfZone: [ZoneID: Int]
    let holdingRooms: [ZoneID]
    let interviewRooms: [ZoneID]
    let doors: [DoorID]
    let environmentSensors: [DeviceID]
    let vitalSensors: [DeviceID]
    let recorderOf: [ZoneID: DeviceID]

    /// A station of `count` wings, each with `holdingPerWing` holding rooms.
    init(wings count: Int, holdingPerWing: Int = Self.holdingPerWing) {
        var zones: [StationLayout.Zone] = []
        var doorList: [StationLayout.Door] = []
        var readers: [StationLayout.ZoneDevice] = []
        var recorders: [StationLayout.ZoneDevice] = []
        var sensors: [StationLayout.ZoneDevice] = []
        var officers: [StationLayout.Officer] = []
        var officerTag: [OfficerID: TagID] = [:]
        var doorsByZone: [ZoneID: DoorID] = [:]
        var wingOfZone: [ZoneID: Int] = [:]
        var environment: [DeviceID] = []
        var vitals: [DeviceID] = []
        var recorderOf: [ZoneID: DeviceID] = [:]

        func zone(_ id: String, _ kind: ZoneKind, capacity: Int? = nil, area: Double? = nil, watchPost: ZoneID? = nil) -> ZoneID {
            let zoneID = ZoneID(id)
            zones.append(.init(id: zoneID, kind: kind, capacity: capacity, area: area, watchPost: watchPost))
            readers.append(.init(id: DeviceID("reader-\(id)"), zone: zoneID))
            return zoneID
        }
        func door(_ a: ZoneID, _ b: ZoneID) {
            let id = DoorID("door-\(b.rawValue)")
            doorList.append(.init(id: id, between: a, and: b, lock: DeviceID("lock-\(b.rawValue)"), positionSensor: DeviceID("pos-\(b.rawValue)")))
            doorsByZone[b] = id
        }
        func officer(_ n: Int) -> OfficerID {
            let id = OfficerID("3501\(String(100 + n))")
            let tag = TagID("04A1B2\(String(n, radix: 16, uppercase: true).leftPadded(to: 4))")
            officers.append(.init(id: id, name: "Officer \(n)", sex: n % 3 == 1 ? .female : .male, tag: tag))
            officerTag[id] = tag
            return id
        }

        let lobby = zone("lobby", .corridor)
        for (name, kind) in [("entrance", ZoneKind.entrance), ("safety-1", .safetyCheck), ("safety-2", .safetyCheck),
                             ("info-1", .infoCollection), ("info-2", .infoCollection), ("locker", .locker), ("exit", .exit)] {
            let id = zone(name, kind)
            door(lobby, id)
            if kind == .infoCollection {
                recorders.append(.init(id: DeviceID("rec-\(name)"), zone: id))
                recorderOf[id] = DeviceID("rec-\(name)")
            }
        }
        var intake: [OfficerID] = []
        for n in 0..<6 { intake.append(officer(n)) }

        var wings: [Wing] = []
        var holdingRooms: [ZoneID] = []
        var interviewRooms: [ZoneID] = []
        for w in 0..<count {
            let corridor = zone("w\(w)-corridor", .corridor)
            door(lobby, corridor)
            let duty = zone("w\(w)-duty", .dutyPost)
            door(corridor, duty)
            var holding: [ZoneID] = []
            for h in 0..<holdingPerWing {
                let id = zone("w\(w)-holding-\(h)", .holding, capacity: Self.holdingCapacity, area: 24, watchPost: duty)
                door(corridor, id)
                let env = DeviceID("env-w\(w)-holding-\(h)")
                let vit = DeviceID("vit-w\(w)-holding-\(h)")
                sensors.append(.init(id: env, zone: id))
                sensors.append(.init(id: vit, zone: id))
                environment.append(env)
                vitals.append(vit)
                holding.append(id)
            }
            var interview: [ZoneID] = []
            for i in 0..<Self.interviewPerWing {
                let id = zone("w\(w)-interview-\(i)", .interview)
                door(corridor, id)
                let recorder = DeviceID("rec-w\(w)-interview-\(i)")
                recorders.append(.init(id: recorder, zone: id))
                recorderOf[id] = recorder
                let env = DeviceID("env-w\(w)-interview-\(i)")
                sensors.append(.init(id: env, zone: id))
                environment.append(env)
                interview.append(id)
            }
            for id in [corridor, duty] + holding + interview { wingOfZone[id] = w }
            let wingOfficers = (0..<4).map { officer(6 + w * 4 + $0) }
            wings.append(Wing(corridor: corridor, duty: duty, holding: holding, interview: interview, officers: wingOfficers))
            holdingRooms += holding
            interviewRooms += interview
        }
        layout = StationLayout(zones: zones, doors: doorList, readers: readers, recorders: recorders, sensors: sensors, officers: officers)
        self.wings = wings
        self.intakeOfficers = intake
        self.officerTag = officerTag
        self.doorsByZone = doorsByZone
        self.wingOfZone = wingOfZone
        self.holdingRooms = holdingRooms
        self.interviewRooms = interviewRooms
        self.doors = doorList.map(\.id)
        self.environmentSensors = environment
        self.vitalSensors = vitals
        self.recorderOf = recorderOf
    }

    /// Enough wings to hold `people` four to a holding room, and no more rooms than that: a station
    /// for 10 gets one wing of three holding rooms, so that its rooms hold as many people as a large
    /// station's (an officer entering a room re-checks everyone in it).
    init(holding people: Int) {
        let perWing = Self.holdingPerWing * Self.holdingCapacity
        let wings = max(1, (people + perWing - 1) / perWing)
        let rooms = wings == 1 ? max(1, min(Self.holdingPerWing, (people + Self.holdingCapacity - 1) / Self.holdingCapacity)) : Self.holdingPerWing
        self.init(wings: wings, holdingPerWing: rooms)
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
