import CustodyCore

/// A month of a busy station: 40 custodies a day for 30 days in a two-wing station (16 holding
/// rooms, 4 interview rooms, 14 officers). Each custody is walked through intake with two officers,
/// held with its wristband re-reported every minute, taken to one to three recorded interviews,
/// given water every 100 minutes and meals at noon and six, and released through the exit; doors and
/// locks move with every walk; every environment sensor reports every 2 minutes and every vital-sign
/// sensor every minute; rounds are logged every 20 minutes; the duty officers' tags are re-reported
/// every minute; and the engine gets a `.tick` at every deadline, as the daemon would send it.
struct BusyMonth {
    static let start = Timestamp(milliseconds: 1_795_564_800_000 - 8 * 3_600_000)  // 2026-11-25 00:00 +08:00
    static let minute: Int64 = 60_000

    let station = Station(wings: 2)
    let custodies: Int
    let days: Int
    private(set) var steps: [Step] = []
    private(set) var ticks = 0
    private(set) var rejections = 0
    private(set) var alertsRaised = 0
    private(set) var raisedByRule: [RuleID: Int] = [:]
    private(set) var finalEngine: CustodyEngine
    /// Hours in custody summed over every custody: the month's inputs per person-hour are what
    /// `core-bench --rate` holds fixed at every population.
    private(set) var personHours = 0.0

    private var events: [(time: Int64, order: Int, input: Input)] = []
    private var rng = SplitMix64(seed: 2026)

    init(days: Int = 30, perDay: Int = 40) {
        self.days = days
        custodies = days * perDay
        finalEngine = CustodyEngine(layout: station.layout, start: Self.start)
        let end = Self.start.milliseconds + Int64(days) * 1_440 * Self.minute
        background(until: end)
        for day in 0..<days {
            for n in 0..<perDay { custody(day: day, number: n) }
        }
        events.sort { $0.time != $1.time ? $0.time < $1.time : $0.order < $1.order }
        var recorder = Recorder(finalEngine)
        recorder.steps.reserveCapacity(events.count * 11 / 10)
        for event in events where event.time < end { recorder.record(event.input, at: Timestamp(milliseconds: event.time)) }
        events = []
        steps = recorder.steps
        ticks = recorder.ticks
        rejections = recorder.rejections
        alertsRaised = recorder.alertsRaised
        raisedByRule = recorder.raisedByRule
        finalEngine = recorder.engine
    }

    private mutating func add(_ time: Int64, _ input: Input) {
        events.append((time, events.count, input))
    }

    private mutating func background(until end: Int64) {
        let begin = Self.start.milliseconds
        for wing in station.wings {
            add(begin + 1, .observation(.tagSeen(tag: station.officerTag[wing.officers[0]]!, zone: wing.duty)))
            add(begin + 2, .observation(.tagSeen(tag: station.officerTag[wing.officers[3]]!, zone: wing.corridor)))
        }
        var t = begin + 1_000
        var minuteIndex = 0
        while t < end {
            for (n, device) in station.environmentSensors.enumerated() where (minuteIndex + n) % 2 == 0 {
                let quantity: [Quantity] = [.temperature, .humidity, .co2]
                switch quantity[(minuteIndex / 2 + n) % 3] {
                case .temperature: add(t + Int64(n) * 97, .observation(.sensor(device: device, quantity: .temperature, value: 21 + Double(rng.below(40)) / 10)))
                case .humidity: add(t + Int64(n) * 97, .observation(.sensor(device: device, quantity: .humidity, value: Double(45 + rng.below(15)))))
                default: add(t + Int64(n) * 97, .observation(.sensor(device: device, quantity: .co2, value: Double(550 + rng.below(rng.chance(3) ? 1_100 : 400)))))
                }
            }
            for (n, device) in station.vitalSensors.enumerated() {
                let value = rng.chance(0.05) ? 34.0 : Double(12 + rng.below(7))
                add(t + 500 + Int64(n) * 83, .observation(.sensor(device: device, quantity: (minuteIndex + n) % 2 == 0 ? .breathing : .pulse,
                                                                  value: (minuteIndex + n) % 2 == 0 ? value : Double(60 + rng.below(30)))))
            }
            for wing in station.wings {
                add(t + 30_000, .observation(.tagSeen(tag: station.officerTag[wing.officers[0]]!, zone: wing.duty)))
                if minuteIndex % 20 == 0 {
                    for room in wing.holding { add(t + 40_000, .command(Command(by: wing.officers[0], .roundLogged(zone: room)))) }
                }
            }
            minuteIndex += 1
            t += Self.minute
        }
    }

    /// A walk through a door: it unlocks, opens, the tags are seen on the other side, it closes and locks.
    private mutating func walk(_ time: Int64, to zone: ZoneID, tags: [TagID]) {
        if let door = station.doorsByZone[zone] {
            add(time - 3_000, .observation(.lockState(door: door, locked: false)))
            add(time - 2_000, .observation(.doorPosition(door: door, open: true)))
            add(time + 4_000, .observation(.doorPosition(door: door, open: false)))
            add(time + 5_000, .observation(.lockState(door: door, locked: true)))
        }
        for (n, tag) in tags.enumerated() { add(time + Int64(n) * 500, .observation(.tagSeen(tag: tag, zone: zone))) }
    }

    private mutating func custody(day: Int, number: Int) {
        let serial = day * 1_000 + number
        let dayStart = Self.start.milliseconds + Int64(day) * 1_440 * Self.minute
        let hour = rng.chance(85) ? 7 + rng.below(16) : rng.below(7)
        let t0 = dayStart + Int64(hour) * 60 * Self.minute + Int64(rng.below(60)) * Self.minute + Int64(rng.below(60_000))
        let id = PersonID("P\(20261125 + day)-\(String(number).leftPadded(to: 4))")
        let tag = TagID("E280116\(String(serial, radix: 16, uppercase: true).leftPadded(to: 7))")
        let female = rng.chance(20)
        let minor = rng.chance(3)
        let measures: [(LegalMeasure, Int, Int)] = [
            (.criminalSummons, 4 * 60, 11 * 60), (.administrativeQuestioning, 3 * 60, 7 * 60 + 30),
            (.continuedQuestioning, 6 * 60, 11 * 60), (.none, 60, 3 * 60),
        ]
        let (measure, shortest, longest) = measures[rng.below(measures.count)]
        let stay = Int64(shortest + rng.below(longest - shortest)) * Self.minute
        personHours += Double(stay) / Double(60 * Self.minute)
        let wingIndex = rng.below(station.wings.count)
        let wing = station.wings[wingIndex]
        let room = wing.holding[(female ? 1 : 0) + 2 * rng.below(Station.holdingPerWing / 2)]
        let intake = station.intakeOfficers
        let escortA = intake[rng.below(3)], escortB = intake[3 + rng.below(3)]
        let pair = [station.officerTag[escortA]!, station.officerTag[escortB]!]
        let registration = Registration(
            person: id, role: measure == .none ? .witness : .suspect, sex: female ? .female : .male,
            birthDate: CalendarDate(year: minor ? 2010 : 1955 + rng.below(50), month: 1 + rng.below(12), day: 1 + rng.below(28)),
            intoxicated: rng.chance(5), atRisk: rng.chance(3), caseID: CaseID("C\(day)-\(number / 2)"), measure: measure,
            idHash: "h\(rng.below(40 * days * 4))", idLast4: String(String(serial).leftPadded(to: 4).suffix(4)),
            arrival: Timestamp(milliseconds: t0 - 5 * Self.minute))
        add(t0, .command(Command(by: escortA, .register(registration))))
        add(t0 + Self.minute, .command(Command(by: escortA, .assignWristband(person: id, tag: tag))))
        walk(t0 + 70_000, to: "entrance", tags: pair + [tag])
        walk(t0 + 3 * Self.minute, to: wingIndex == 0 ? "safety-1" : "safety-2", tags: pair + [tag])
        add(t0 + 10 * Self.minute, .command(Command(by: escortB, .safetyCheckDone(person: id))))
        let info: ZoneID = wingIndex == 0 ? "info-1" : "info-2"
        walk(t0 + 12 * Self.minute, to: info, tags: pair + [tag])
        add(t0 + 12 * Self.minute + 3_000, .observation(.recorder(device: station.recorderOf[info]!, running: true)))
        add(t0 + 20 * Self.minute, .command(Command(by: escortB, .healthIntake(person: id, injury: rng.chance(4), note: "fine"))))
        add(t0 + 25 * Self.minute, .command(Command(by: escortB, .belongingsListed(person: id, items: 1 + rng.below(8)))))
        add(t0 + 26 * Self.minute, .observation(.recorder(device: station.recorderOf[info]!, running: false)))
        walk(t0 + 27 * Self.minute, to: "lobby", tags: pair + [tag])
        walk(t0 + 28 * Self.minute, to: wing.corridor, tags: pair + [tag])
        walk(t0 + 29 * Self.minute, to: room, tags: [tag])
        walk(t0 + 29 * Self.minute + 20_000, to: wing.corridor, tags: pair)
        walk(t0 + 30 * Self.minute, to: "lobby", tags: pair)

        // Where the wristband is, minute by minute, for the readers' re-reports.
        var segments: [(from: Int64, to: Int64, zone: ZoneID)] = []
        var cursor = t0 + 30 * Self.minute
        let release = t0 + stay
        let sessions = 1 + rng.below(3)
        for session in 0..<sessions {
            let room2 = rng.pick(wing.interview)
            let begin = cursor + Int64(15 + rng.below(60)) * Self.minute
            let length = Int64(40 + rng.below(70)) * Self.minute
            guard begin + length + 30 * Self.minute < release else { break }
            segments.append((cursor, begin, room))
            let officers = [station.officerTag[wing.officers[1]]!, station.officerTag[wing.officers[2 + session % 2]]!]
            walk(begin - Self.minute, to: wing.corridor, tags: officers)
            walk(begin, to: wing.corridor, tags: [tag])
            walk(begin + 30_000, to: room2, tags: officers + [tag])
            add(begin + 40_000, .observation(.recorder(device: station.recorderOf[room2]!, running: true)))
            add(begin + length - 10_000, .observation(.recorder(device: station.recorderOf[room2]!, running: false)))
            walk(begin + length, to: wing.corridor, tags: officers + [tag])
            walk(begin + length + 30_000, to: room, tags: [tag])
            walk(begin + length + 60_000, to: wing.corridor, tags: officers)
            segments.append((begin + 30_000, begin + length, room2))
            cursor = begin + length + 30_000
        }
        segments.append((cursor, release - 2 * Self.minute, room))
        for segment in segments {
            var t = segment.from + Self.minute
            while t < segment.to {
                add(t, .observation(.tagSeen(tag: tag, zone: segment.zone)))
                t += Self.minute
            }
        }
        var t = t0 + 100 * Self.minute
        while t < release - 10 * Self.minute {
            add(t, .command(Command(by: wing.officers[0], .welfare(person: id, kind: .water, response: rng.chance(85) ? .accepted : .refused))))
            t += 100 * Self.minute
        }
        for mealHour in [12, 18] {
            let meal = dayStart + Int64(mealHour) * 60 * Self.minute
            for time in [meal, meal + 1_440 * Self.minute] where time > t0 + 30 * Self.minute && time < release - 10 * Self.minute {
                add(time, .command(Command(by: wing.officers[0], .welfare(person: id, kind: .meal, response: .accepted))))
            }
        }
        walk(release - 2 * Self.minute, to: wing.corridor, tags: pair + [tag])
        walk(release - Self.minute, to: "lobby", tags: pair + [tag])
        walk(release - 30_000, to: "exit", tags: pair + [tag])
        let checklist = ReleaseChecklist(
            belongingsReturned: true, exitHealthNote: "well", familyNotified: true, destination: "home", pickupOrEscort: "family")
        add(release, .command(Command(by: escortA, .release(person: id, checklist: checklist))))
        walk(release + 30_000, to: "lobby", tags: pair)
    }
}
