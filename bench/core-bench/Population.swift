import CustodyCore

/// A station holding `count` people four to a holding room, registered through real commands, and
/// a mixed stream of what such a station's shell feeds the engine: reader re-reports, escorted trips
/// to interview rooms, officers on the move, doors, locks, sensors, welfare, rounds, tag batteries
/// and straps, devices dropping out, acknowledgements, the odd refused command, releases and new
/// arrivals — with a `.tick` at every deadline that falls due.
struct Population {
    static let start = Timestamp(milliseconds: 1_795_564_800_000 + 2 * 3_600_000)  // 2026-11-25 10:00 +08:00

    let station: Station
    let count: Int
    /// Registration, wristband, intake and first sighting of everyone, with officers at their posts.
    var setup: [Step] = []
    /// The measured stream.
    var stream: [Step] = []
    var streamTicks = 0
    var streamRejections = 0
    var streamEffects = 0
    var streamAlertsRaised = 0
    var openAlertsAtEnd = 0
    var raisedByRule: [RuleID: Int] = [:]
    let span: TimeSpan

    private var rng: SplitMix64
    private var recorder: Recorder
    private var now: Timestamp
    private var personZone: [ZoneID?]
    private var home: [ZoneID]
    private var ids: [PersonID]
    private var tagOf: [TagID]
    private var serial: Int
    private var pending: [Input] = []

    init(people count: Int, inputs: Int, span: TimeSpan, seed: UInt64 = 42) {
        station = Station(holding: count)
        self.count = count
        self.span = span
        rng = SplitMix64(seed: seed &+ UInt64(count))
        recorder = Recorder(CustodyEngine(layout: station.layout, start: Self.start))
        now = Self.start
        personZone = []
        home = []
        ids = []
        tagOf = []
        serial = 0

        for wing in station.wings {
            see(officer: wing.officers[0], in: wing.duty)
            for officer in wing.officers.dropFirst() { see(officer: officer, in: wing.corridor) }
        }
        for (n, officer) in station.intakeOfficers.enumerated() { see(officer: officer, in: n < 3 ? "entrance" : "lobby") }
        for n in 0..<count {
            // Four to a room, rooms filled in turn: every population's rooms hold the same few people.
            let room = station.holdingRooms[min(n / Station.holdingCapacity, station.holdingRooms.count - 1)]
            home.append(room)
            personZone.append(nil)
            ids.append("")
            tagOf.append("")
            arrive(slot: n)
        }
        setup = recorder.steps
        recorder.steps = []
        recorder.steps.reserveCapacity(inputs + inputs / 4)
        recorder.ticks = 0
        recorder.rejections = 0
        recorder.effects = 0
        recorder.alertsRaised = 0
        recorder.raisedByRule = [:]

        let step = TimeSpan(milliseconds: max(1, span.milliseconds / Int64(inputs)))
        var emitted = 0
        while emitted < inputs {
            now = now + step
            let input = pending.isEmpty ? nextInput() : pending.removeFirst()
            recorder.record(input, at: now)
            emitted += 1
        }
        stream = recorder.steps
        streamTicks = recorder.ticks
        streamRejections = recorder.rejections
        streamEffects = recorder.effects
        streamAlertsRaised = recorder.alertsRaised
        openAlertsAtEnd = recorder.engine.openAlertCount
        raisedByRule = recorder.raisedByRule
    }

    private mutating func record(_ input: Input) {
        now = now + TimeSpan(milliseconds: 1)
        recorder.record(input, at: now)
    }

    private mutating func see(officer: OfficerID, in zone: ZoneID) {
        record(.observation(.tagSeen(tag: station.officerTag[officer]!, zone: zone)))
    }

    private var intakeOfficer: OfficerID { station.intakeOfficers[0] }

    /// Registers a new person into slot `n` and walks them to their holding room.
    private mutating func arrive(slot n: Int) {
        serial += 1
        let id = PersonID("P20261125-\(String(serial).leftPadded(to: 5))")
        let tag = TagID("E2801160\(String(serial, radix: 16, uppercase: true).leftPadded(to: 6))")
        let roomIndex = station.holdingRooms.firstIndex(of: home[n])!
        let sex: Sex = roomIndex % 2 == 0 ? .male : .female
        let minor = serial % 97 == 0
        let measures: [LegalMeasure] = [.criminalSummons, .administrativeQuestioning, .continuedQuestioning, .none]
        let measure = measures[serial % measures.count]
        let registration = Registration(
            person: id, role: measure == .none ? .witness : .suspect, sex: sex,
            birthDate: CalendarDate(year: minor ? 2010 : 1960 + serial % 40, month: 1 + serial % 12, day: 1 + serial % 28),
            intoxicated: serial % 23 == 0, caseID: CaseID("C-\(serial / 2)"), measure: measure,
            idHash: "h\(serial)", idLast4: String(String(serial).leftPadded(to: 4).suffix(4)))
        ids[n] = id
        tagOf[n] = tag
        let by = intakeOfficer
        record(.command(Command(by: by, .register(registration))))
        record(.command(Command(by: by, .assignWristband(person: id, tag: tag))))
        record(.command(Command(by: by, .safetyCheckDone(person: id))))
        record(.command(Command(by: by, .healthIntake(person: id, injury: serial % 31 == 0, note: "fine"))))
        record(.command(Command(by: by, .belongingsListed(person: id, items: 3))))
        record(.observation(.tagSeen(tag: tag, zone: home[n])))
        personZone[n] = home[n]
    }

    private func wing(of n: Int) -> Station.Wing { station.wings[station.wingOfZone[home[n]]!] }

    private mutating func nextInput() -> Input {
        let n = rng.below(count)
        let roll = rng.below(1_000)
        switch roll {
        case 0..<280:
            // A reader reports a wristband where it already is.
            return .observation(.tagSeen(tag: tagOf[n], zone: personZone[n] ?? home[n]))
        case 280..<340:
            return escort(n)
        case 340..<420:
            let wing = wing(of: n)
            let officer = wing.officers[1 + rng.below(wing.officers.count - 1)]
            let zones = [wing.corridor, wing.corridor] + wing.interview + [rng.pick(wing.holding)]
            return .observation(.tagSeen(tag: station.officerTag[officer]!, zone: rng.pick(zones)))
        case 420..<460:
            // An officer passes a door: unlock, open, close, lock.
            let door = rng.pick(station.doors)
            pending.append(.observation(.doorPosition(door: door, open: true)))
            pending.append(.observation(.doorPosition(door: door, open: false)))
            pending.append(.observation(.lockState(door: door, locked: true)))
            return .observation(.lockState(door: door, locked: false))
        case 460..<520:
            return .observation(.tagSeen(tag: tagOf[n], zone: personZone[n] ?? home[n]))
        case 520..<680:
            if rng.chance(60) {
                let device = rng.pick(station.environmentSensors)
                switch rng.below(3) {
                case 0: return .observation(.sensor(device: device, quantity: .temperature, value: rng.chance(1) ? 29.5 : Double(20 + rng.below(6))))
                case 1: return .observation(.sensor(device: device, quantity: .humidity, value: Double(40 + rng.below(25))))
                default: return .observation(.sensor(device: device, quantity: .co2, value: Double(500 + rng.below(rng.chance(2) ? 1_200 : 500))))
                }
            }
            let device = rng.pick(station.vitalSensors)
            return rng.chance(50)
                ? .observation(.sensor(device: device, quantity: .breathing, value: rng.chance(0.5) ? 35 : Double(12 + rng.below(8))))
                : .observation(.sensor(device: device, quantity: .pulse, value: Double(60 + rng.below(40))))
        case 680..<760:
            let kind: WelfareKind = rng.chance(60) ? .water : .meal
            return .command(Command(by: wing(of: n).officers[0], .welfare(person: ids[n], kind: kind, response: rng.chance(80) ? .accepted : .refused)))
        case 760..<780:
            let wing = wing(of: n)
            return .command(Command(by: wing.officers[0], .roundLogged(zone: rng.pick(wing.holding))))
        case 780..<810:
            return .observation(.tagBattery(tag: tagOf[n], percent: rng.chance(1) ? 15 : Double(30 + rng.below(70))))
        case 810..<820:
            pending.append(.observation(.strap(tag: tagOf[n], opened: false)))
            return .observation(.strap(tag: tagOf[n], opened: true))
        case 820..<830:
            pending.append(.observation(.tagSeen(tag: tagOf[n], zone: personZone[n] ?? home[n])))
            return .observation(.tagLost(tag: tagOf[n]))
        case 830..<845:
            let device = rng.chance(50) ? rng.pick(station.environmentSensors) : DeviceID("reader-\(home[n].rawValue)")
            pending.append(.observation(.device(device: device, online: true)))
            return .observation(.device(device: device, online: false))
        case 845..<870:
            // Acknowledge a recently raised alert (refused if it has cleared since).
            guard !recorder.recentlyRaised.isEmpty else { return .tick }
            return .command(Command(by: wing(of: n).officers[0], .acknowledgeAlert(rng.pick(recorder.recentlyRaised))))
        case 870..<885:
            // Refused: the person is not resting.
            return .command(Command(by: intakeOfficer, .welfare(person: ids[n], kind: .restEnd, response: .accepted)))
        case 885..<888:
            return churn(n)
        default:
            return .tick
        }
    }

    /// Out of the holding room to an interview room with two officers, or back.
    private mutating func escort(_ n: Int) -> Input {
        let wing = wing(of: n)
        let a = wing.officers[1], b = wing.officers[2 + rng.below(wing.officers.count - 2)]
        let tagA = station.officerTag[a]!, tagB = station.officerTag[b]!
        if personZone[n] == home[n] {
            let room = rng.pick(wing.interview)
            pending += [
                .observation(.tagSeen(tag: tagB, zone: wing.corridor)),
                .observation(.lockState(door: station.doorsByZone[home[n]]!, locked: false)),
                .observation(.doorPosition(door: station.doorsByZone[home[n]]!, open: true)),
                .observation(.tagSeen(tag: tagOf[n], zone: wing.corridor)),
                .observation(.doorPosition(door: station.doorsByZone[home[n]]!, open: false)),
                .observation(.lockState(door: station.doorsByZone[home[n]]!, locked: true)),
                .observation(.tagSeen(tag: tagA, zone: room)),
                .observation(.tagSeen(tag: tagB, zone: room)),
                .observation(.recorder(device: station.recorderOf[room]!, running: true)),
                .observation(.tagSeen(tag: tagOf[n], zone: room)),
            ]
            personZone[n] = room
            return .observation(.tagSeen(tag: tagA, zone: wing.corridor))
        }
        let room = personZone[n] ?? home[n]
        pending += [
            .observation(.tagSeen(tag: tagA, zone: wing.corridor)),
            .observation(.tagSeen(tag: tagB, zone: wing.corridor)),
            .observation(.tagSeen(tag: tagOf[n], zone: wing.corridor)),
            .observation(.tagSeen(tag: tagOf[n], zone: home[n])),
        ]
        personZone[n] = home[n]
        if let recorder = station.recorderOf[room] { return .observation(.recorder(device: recorder, running: false)) }
        return .tick
    }

    /// Releases the person in slot `n` and registers a newcomer in their place.
    private mutating func churn(_ n: Int) -> Input {
        let id = ids[n]
        let checklist = ReleaseChecklist(belongingsReturned: true, exitHealthNote: "well", familyNotified: true, destination: "home", pickupOrEscort: "family")
        pending.append(.observation(.tagSeen(tag: tagOf[n], zone: "exit")))
        pending.append(.command(Command(by: intakeOfficer, .release(person: id, checklist: checklist))))
        personZone[n] = nil
        arriveLater(slot: n)
        return .observation(.tagSeen(tag: tagOf[n], zone: "lobby"))
    }

    private mutating func arriveLater(slot n: Int) {
        serial += 1
        let id = PersonID("P20261125-\(String(serial).leftPadded(to: 5))")
        let tag = TagID("E2801160\(String(serial, radix: 16, uppercase: true).leftPadded(to: 6))")
        let roomIndex = station.holdingRooms.firstIndex(of: home[n])!
        let registration = Registration(
            person: id, role: .suspect, sex: roomIndex % 2 == 0 ? .male : .female,
            birthDate: CalendarDate(year: 1970 + serial % 30, month: 1 + serial % 12, day: 1 + serial % 28),
            caseID: CaseID("C-\(serial / 2)"), measure: .criminalSummons, idHash: "h\(serial)", idLast4: "0000")
        let by = intakeOfficer
        pending += [
            .command(Command(by: by, .register(registration))),
            .command(Command(by: by, .assignWristband(person: id, tag: tag))),
            .command(Command(by: by, .safetyCheckDone(person: id))),
            .command(Command(by: by, .healthIntake(person: id, injury: false, note: "fine"))),
            .command(Command(by: by, .belongingsListed(person: id, items: 2))),
            .observation(.tagSeen(tag: tag, zone: home[n])),
        ]
        ids[n] = id
        tagOf[n] = tag
        personZone[n] = home[n]
    }
}
