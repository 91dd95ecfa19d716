import CustodyCore

/// Generates a plausible but adversarial stream of timed inputs for one station.
struct RandomHistory {
    var rng: SplitMix64
    var time: Timestamp
    /// Whether the driver may skip ticks and jump time (hours) between inputs.
    let jumps: Bool
    private var registered: [PersonID] = []
    private var nextPerson = 0

    static let zones: [ZoneID] = Fixtures.layout.zones.map(\.id)
    static let doors: [DoorID] = Fixtures.layout.doors.map(\.id)
    static let officerTags: [TagID] = ["t-o1", "t-o2", "t-o3"]
    static let devices: [DeviceID] = ["reader-corridor", "reader-h1", "lock-h1", "rec-i1", "env-h1"]

    init(seed: UInt64, jumps: Bool) {
        rng = SplitMix64(seed: seed)
        time = Fixtures.start
        self.jumps = jumps
    }

    /// The time of the next input: a few seconds to minutes later, sometimes hours.
    mutating func nextTime() -> Timestamp {
        let step: TimeSpan =
            jumps && rng.chance(2)
            ? .minutes(Int64.random(in: 60...900, using: &rng))
            : .seconds(Int64.random(in: 0...240, using: &rng))
        time = time + step
        return time
    }

    private mutating func person() -> PersonID? {
        registered.isEmpty ? nil : rng.pick(registered)
    }

    private func tag(of person: PersonID) -> TagID { TagID("w-\(person.rawValue)") }

    /// A second wristband for the same person, issued after the first is returned (or over it), so
    /// that readers report a tag that changed hands and one no longer worn.
    private func spareTag(of person: PersonID) -> TagID { TagID("w2-\(person.rawValue)") }

    mutating func nextInput(engine: CustodyEngine) -> Input {
        let roll = Int.random(in: 0..<100, using: &rng)
        if roll < 4 || registered.isEmpty { return register() }
        guard let id = person() else { return .tick }
        switch roll {
        case 4..<40:
            let tag = rng.chance(25) ? rng.pick(Self.officerTags) : rng.chance(20) ? spareTag(of: id) : tag(of: id)
            return .observation(.tagSeen(tag: tag, zone: rng.pick(Self.zones)))
        case 40..<43:
            return .observation(.tagLost(tag: rng.chance(50) ? rng.pick(Self.officerTags) : tag(of: id)))
        case 43..<55:
            return .command(Command(by: rng.pick(["o1", "o2", "o3"]), intakeOrWelfare(id)))
        case 55..<60:
            return .observation(fieldNoise(id))
        case 60..<62:
            return .observation(.fire(active: !engine.isFireActive && rng.chance(40)))
        case 62..<66:
            return .command(Command(by: "o1", .roundLogged(zone: rng.pick(["holding-1", "holding-2", "corridor"]))))
        case 66..<70:
            if let alert = engine.openAlerts.isEmpty ? nil : rng.pick(engine.openAlerts) {
                return .command(Command(by: "o2", .acknowledgeAlert(key: alert.key)))
            }
            return .tick
        case 70..<80:
            return .command(Command(by: "o3", legal(id, engine: engine)))
        case 80..<83:
            let complete = rng.chance(70)
            let checklist = ReleaseChecklist(
                belongingsReturned: complete, exitHealthNote: "ok", familyNotified: true, destination: "home",
                pickupOrEscort: rng.chance(50) ? "family" : nil)
            return .command(Command(by: "o1", .release(person: id, checklist: checklist)))
        case 83..<86:
            return .command(Command(by: rng.chance(5) ? "nobody" : "o1", .safetyCheckDone(person: rng.chance(20) ? "ghost" : id)))
        default:
            return .tick
        }
    }

    private mutating func register() -> Input {
        nextPerson += 1
        let id = PersonID("p\(nextPerson)")
        registered.append(id)
        let year = rng.pick([1950, 1980, 1995, 2009, 2012])
        let registration = Registration(
            person: id, role: rng.pick(PersonRole.allCases), sex: rng.pick(Sex.allCases),
            birthDate: CalendarDate(year: year, month: 6, day: 1), pregnant: rng.chance(5), intoxicated: rng.chance(10),
            atRisk: rng.chance(5), caseID: CaseID("case-\(Int.random(in: 1...4, using: &rng))"),
            measure: rng.pick(LegalMeasure.allCases), idHash: "hash-\(Int.random(in: 1...30, using: &rng))",
            idLast4: "0000", arrival: rng.chance(30) ? time - .minutes(Int64.random(in: 1...30, using: &rng)) : nil)
        return .command(Command(by: "o1", .register(registration: registration)))
    }

    private mutating func intakeOrWelfare(_ id: PersonID) -> CommandAction {
        switch Int.random(in: 0..<12, using: &rng) {
        case 0: .assignWristband(person: id, tag: tag(of: id))
        case 10: .returnWristband(person: id)
        case 11: .assignWristband(person: id, tag: spareTag(of: id))
        case 1: .safetyCheckDone(person: id)
        case 2: .healthIntake(person: id, injury: rng.chance(10), note: "")
        case 3: .belongingsListed(person: id, items: 2)
        case 4: .guardianPresent(person: id, present: rng.chance(50))
        case 5: .approveOutOfArea(person: id, reason: rng.chance(90) ? "hospital" : "")
        default: .welfare(person: id, kind: rng.pick(WelfareKind.allCases), response: rng.pick(WelfareResponse.allCases))
        }
    }

    private mutating func legal(_ id: PersonID, engine: CustodyEngine) -> CommandAction {
        switch Int.random(in: 0..<7, using: &rng) {
        case 0, 1:
            let limit = rng.pick([TimeSpan.hours(12), .hours(24), .hours(48)])
            return .approveExtension(request: Extension(person: id, limit: limit, reason: "approved", identityRefused: rng.chance(50)))
        case 2: return .changeMeasure(person: id, measure: rng.pick(LegalMeasure.allCases), reason: "decision")
        case 3: return .transferCase(person: id, caseID: CaseID("case-\(Int.random(in: 1...4, using: &rng))"), reason: "transfer")
        case 4:
            let start = engine.person(id)?.clockStart ?? time
            return .moveClockStart(person: id, to: start + .minutes(Int64.random(in: -10...3, using: &rng)), reason: "record")
        case 5: return .logReason(person: id, rule: rng.pick([.clk07, .wel02, .prot01, .sup01]), reason: "approved")
        default: return .detentionDutyDone(person: id, duty: rng.pick(DetentionDuty.allCases))
        }
    }

    private mutating func fieldNoise(_ id: PersonID) -> Observation {
        switch Int.random(in: 0..<8, using: &rng) {
        case 0: .strap(tag: tag(of: id), opened: rng.chance(40))
        case 1: .tagBattery(tag: tag(of: id), percent: Double(Int.random(in: 5...100, using: &rng)))
        case 2: .doorPosition(door: rng.pick(Self.doors), open: rng.chance(50))
        case 3: .lockState(door: rng.pick(Self.doors), locked: rng.chance(50))
        case 4:
            .sensor(
                device: rng.chance(50) ? "env-h1" : "vit-h1", quantity: rng.pick(Quantity.allCases),
                value: Double(Int.random(in: 0...2_000, using: &rng)))
        case 5: .recorder(device: rng.chance(50) ? "rec-i1" : "rec-info", running: rng.chance(60))
        case 6: .device(device: rng.pick(Self.devices), online: rng.chance(60))
        default: .accessRequest(tag: rng.chance(50) ? rng.pick(Self.officerTags) : tag(of: id), door: rng.pick(Self.doors))
        }
    }
}
