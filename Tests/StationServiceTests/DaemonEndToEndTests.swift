import CustodyCore
import Foundation
import FieldBus
import Journal
import StationService
import Testing

/// The daemon against a simulated station: real Modbus RTU on a pseudo-terminal and Modbus/TCP on
/// loopback, the real journal, loop and API.
@Suite("custodyd end to end against a simulated station")
struct DaemonEndToEndTests {
    typealias Unit = DaemonTestStation.Unit
    static let o1 = DaemonTestStation.officerTags["o1"]!
    static let o2 = DaemonTestStation.officerTags["o2"]!

    static func registration(_ person: String, born: String = "1990-05-01", case caseID: String = "case-1") -> [String: Any] {
        ["officer": "o1", "person": person, "role": "suspect", "sex": "male", "birth_date": born, "case": caseID,
         "measure": "criminal_summons"]
    }

    /// Registers `person` with wristband `tag` and, unless `intake` is false, completes the intake.
    static func admit(_ person: String, tag: String, born: String = "1990-05-01", intake: Bool = true,
                      in station: DaemonTestStation) async throws {
        let client = station.local
        let registered = try await client.post("/v1/people", json: registration(person, born: born))
        #expect(registered.status == 201, "\(registered.body)")
        #expect(try await client.post("/v1/people/\(person)/wristband", json: ["officer": "o1", "tag": tag]).status == 200)
        guard intake else { return }
        let reply = try await client.post("/v1/people/\(person)/intake", json: [
            "officer": "o1", "safety_check": true, "health": ["injury": false, "note": "fit"], "belongings": 2,
        ])
        #expect(reply.status == 200, "\(reply.body)")
    }

    /// Waits until every device has answered a poll, so the core knows each lock's state.
    static func untilOnline(_ station: DaemonTestStation) async throws {
        let deadline = ContinuousClock.now + .seconds(15)
        while ContinuousClock.now < deadline {
            if station.daemon.buses.status().allSatisfy({ $0.health == .online }) { return }
            try await Task.sleep(for: .milliseconds(20))
        }
        Issue.record("devices not online: \(station.daemon.buses.status().filter { $0.health != .online }.map(\.device))")
    }

    static func isAlert(_ event: StationEvent, rule: String, level: CustodyCore.AlertLevel? = nil) -> Bool {
        guard case .alert(_, let alert) = event, alert.key.rule.rawValue == rule else { return false }
        return level == nil || alert.level == level
    }

    @Test func anOfficersTagAtADoorReaderUnlocksThatDoorOverTheBus() async throws {
        try await DaemonTestStation.with { station in
            try await Self.untilOnline(station)
            station.read(tag: Self.o1, at: Unit.readerCorridor)
            let write = await station.writes.first { $0.bus == "rs485" && $0.unit == Unit.lockHolding }
            #expect(write != nil, "the holding door's relay received no unlock")
            #expect(!station.writes.all.contains { $0.unit == Unit.lockInterview }, "only the door beside the reader opens")
            try await station.until("the officer seen in the corridor") { $0.zone(ofOfficer: "o1") == "corridor" }
            // The journal reads cause before effect: the access request, the unlock's intent, its outcome.
            var kinds: [EntryKind] = []
            let deadline = ContinuousClock.now + .seconds(10)
            while !kinds.contains(.doorOutcome), ContinuousClock.now < deadline {
                let entries = try JournalReader(path: station.journalPath).entries(kinds: [.observation, .doorIntent, .doorOutcome])
                let request = entries.lastIndex { $0.bodyText?.contains("access_request") == true }
                kinds = request.map { Array(entries[$0...]).filter { $0.kind != .observation || $0.bodyText?.contains("access_request") == true }.map(\.kind) } ?? []
                if !kinds.contains(.doorOutcome) { try await Task.sleep(for: .milliseconds(20)) }
            }
            #expect(kinds.starts(with: [.observation, .doorIntent, .doorOutcome]), "\(kinds)")
        }
    }

    @Test func aHoldingDoorStaysLockedWhileSomeoneBesideItHasNotCompletedIntake() async throws {
        try await DaemonTestStation.with { station in
            try await Self.admit("p1", tag: "5E000001", intake: false, in: station)
            station.read(tag: "5E000001", at: Unit.readerCorridor)
            try await station.until("p1 in the corridor") { $0.person("p1")?.zone == "corridor" }
            let events = station.daemon.hub.subscribe()
            station.read(tag: Self.o1, at: Unit.readerCorridor)
            let held = try await station.next("the door kept locked", in: events) { event in
                if case .effect(.door(.keepLocked(let door, _))) = event { return door == "door-holding" }
                return false
            }
            if case .effect(.door(.keepLocked(_, let reason))) = held { #expect(reason.contains("p1")) }
            #expect(!station.writes.all.contains { $0.unit == Unit.lockHolding }, "no unlock was sent")
        }
    }

    @Test func aDoorOpenedWhileLockedRaisesADoorForcedAlarm() async throws {
        try await DaemonTestStation.with { station in
            try await Self.untilOnline(station)
            let events = station.daemon.hub.subscribe()
            station.control("force \(Unit.lockInterview)")
            let event = try await station.next("DEV-01 door forced", in: events) { Self.isAlert($0, rule: "DEV-01") }
            if case .alert(_, let alert) = event {
                #expect(alert.key.door == "door-interview")
                #expect(alert.key.condition == "door_forced")
            }
        }
    }

    @Test func aReaderThatStopsAnsweringIsReportedOfflineAndTheRestKeepsRunning() async throws {
        try await DaemonTestStation.with { station in
            try await Self.untilOnline(station)
            let events = station.daemon.hub.subscribe()
            station.control("fault \(Unit.readerHolding) no-answer")
            let event = try await station.next("DEV-01 reader offline", in: events) { event in
                guard case .alert(_, let alert) = event else { return false }
                return alert.key.rule == .dev01 && alert.key.device == "reader-holding"
            }
            if case .alert(_, let alert) = event { #expect(alert.level == .alarm) }
            let status = station.daemon.buses.status()
            #expect(status.first { $0.device == "reader-holding" }?.health == .offline)
            // The other devices on the same line still answer, and a door still opens.
            station.read(tag: Self.o2, at: Unit.readerCorridor)
            #expect(await station.writes.first { $0.unit == Unit.lockHolding } != nil)
            #expect(status.filter { $0.device != "reader-holding" }.allSatisfy { $0.health == .online })
        }
    }

    @Test func aCO2ExcursionInAHoldingRoomRaisesAnAlarm() async throws {
        // Five minutes above 1,500 ppm pass in two seconds of real time.
        try await DaemonTestStation.with(timeScale: 150) { station in
            try await Self.untilOnline(station)
            // ENV-01 watches occupied rooms.
            try await Self.admit("p1", tag: "5E000001", in: station)
            station.read(tag: "5E000001", at: Unit.readerHolding)
            try await station.until("p1 in holding-1") { $0.person("p1")?.zone == "holding-1" }
            let events = station.daemon.hub.subscribe()
            station.control("set \(Unit.co2Holding) co2 2100")
            let event = try await station.next("ENV-01 CO2 alarm", in: events, timeout: .seconds(30)) {
                Self.isAlert($0, rule: "ENV-01", level: .alarm)
            }
            if case .alert(_, let alert) = event { #expect(alert.key.zone == "holding-1") }
        }
    }

    @Test func aFireReleasesEveryLockAndTheReleaseIsConfirmedByReadBack() async throws {
        try await DaemonTestStation.with { station in
            try await Self.untilOnline(station)
            let events = station.daemon.hub.subscribe()
            station.control("set \(Unit.fire) fire_alarm true")
            _ = try await station.next("the head-count", in: events) { event in
                if case .effect(.headCount) = event { return true }
                return false
            }
            async let holding = station.writes.first { $0.bus == "rs485" && $0.unit == Unit.lockHolding }
            async let interview = station.writes.first { $0.bus == "rs485" && $0.unit == Unit.lockInterview }
            async let entrance = station.writes.first { $0.bus == "entrance-tcp" && $0.unit == 1 }
            let released = await [holding, interview, entrance]
            #expect(released.allSatisfy { $0 != nil }, "every lock got its release")
            // Each release is journaled with its read-back (the bond sensor dropping).
            let deadline = ContinuousClock.now + .seconds(10)
            var confirmed: Set<String> = []
            while confirmed.count < 3, ContinuousClock.now < deadline {
                let reader = try JournalReader(path: station.journalPath)
                confirmed = Set(try reader.entries(kinds: [.doorOutcome]).compactMap { entry -> String? in
                    guard let text = entry.bodyText, text.contains(#""confirmed":"yes""#) else { return nil }
                    return entry.subject.description
                })
                if confirmed.count < 3 { try await Task.sleep(for: .milliseconds(50)) }
            }
            #expect(confirmed.count == 3, "confirmed releases: \(confirmed.sorted())")
        }
    }

    @Test func aVulnerablePersonsClockAlarmsAtFourHoursUnderTheTimeScale() async throws {
        // Four hours of station time pass in four seconds.
        try await DaemonTestStation.with(timeScale: 3600) { station in
            let events = station.daemon.hub.subscribe()
            try await Self.admit("p-old", tag: "5E000009", born: "1950-01-01", in: station)
            let event = try await station.next("CLK-04 alarm", in: events, timeout: .seconds(30)) {
                Self.isAlert($0, rule: "CLK-04", level: .alarm)
            }
            if case .alert(_, let alert) = event { #expect(alert.key.person == "p-old") }
        }
    }

    @Test func aRestartedDaemonContinuesTheClocksAndLosesNothing() async throws {
        try await DaemonTestStation.with { station in
            try await Self.admit("p1", tag: "5E000001", in: station)
            station.read(tag: "5E000001", at: Unit.readerEntrance)
            try await station.until("p1 at the entrance") { $0.person("p1")?.zone == "entrance" }
            let before = await station.daemon.loop.read { $0.clocks(for: "p1") }
            let entriesBefore = try JournalReader(path: station.journalPath).lastSeq()
            await station.stopDaemon()

            try await station.startDaemon()
            #expect(station.daemon.replayedInputs > 0)
            let after = await station.daemon.loop.read { $0.clocks(for: "p1") }
            #expect(!after.isEmpty)
            #expect(after.map(\.rule) == before.map(\.rule))
            #expect(after.map(\.start) == before.map(\.start), "no clock restarted")
            #expect(await station.daemon.loop.read { $0.person("p1")?.zone } == "entrance")
            let reader = try JournalReader(path: station.journalPath)
            #expect(try reader.lastSeq() >= entriesBefore)
            #expect(try reader.verify().isIntact)
        }
    }

    @Test func anEscortWithOneOfficerRaisesESC01() async throws {
        // The 10 s escort grace passes in one second.
        try await DaemonTestStation.with(timeScale: 10) { station in
            try await Self.admit("p1", tag: "5E000001", in: station)
            let events = station.daemon.hub.subscribe()
            station.read(tag: Self.o1, at: Unit.readerCorridor)
            station.read(tag: "5E000001", at: Unit.readerCorridor)
            let event = try await station.next("ESC-01", in: events, timeout: .seconds(20)) { Self.isAlert($0, rule: "ESC-01") }
            if case .alert(_, let alert) = event { #expect(alert.key.person == "p1") }
        }
    }

    @Test func coSuspectsInOneZoneRaiseSEP01() async throws {
        try await DaemonTestStation.with(timeScale: 10) { station in
            try await Self.admit("p1", tag: "5E000001", in: station)
            try await Self.admit("p2", tag: "5E000002", in: station)
            let events = station.daemon.hub.subscribe()
            station.read(tag: Self.o1, at: Unit.readerCorridor)
            station.read(tag: Self.o2, at: Unit.readerCorridor)
            station.read(tag: "5E000001", at: Unit.readerCorridor)
            station.read(tag: "5E000002", at: Unit.readerCorridor)
            _ = try await station.next("SEP-01", in: events, timeout: .seconds(20)) { Self.isAlert($0, rule: "SEP-01") }
        }
    }

    /// Reads each tag at `unit`, in order, and waits until the core has everyone in `zone`.
    static func move(_ tags: [String], to unit: Int, zone: ZoneID, in station: DaemonTestStation) async throws {
        for tag in tags { station.read(tag: tag, at: unit) }
        let officers = tags.compactMap { tag in DaemonTestStation.officerTags.first { $0.value == tag }.map { OfficerID($0.key) } }
        let people = tags.filter { !DaemonTestStation.officerTags.values.contains($0) }.map { TagID($0) }
        try await station.until("\(tags) in \(zone)") { engine in
            officers.allSatisfy { engine.zone(ofOfficer: $0) == zone }
                && people.allSatisfy { engine.person(wearing: $0)?.zone == zone }
        }
    }

    @Test(.timeLimit(.minutes(2)))
    func aFullCustodyWithTwoOfficersRaisesNoAlarm() async throws {
        try await DaemonTestStation.with { station in
            try await Self.untilOnline(station)
            let events = station.daemon.hub.subscribe()
            let collector = Task {
                var raised: [Alert] = []
                while let event = await events.next() {
                    if case .alert(.raised, let alert) = event { raised.append(alert) }
                    if case .lagged = event { Issue.record("the event stream lagged; alerts may be missing") }
                }
                return raised
            }
            let band = "5E000001"
            try await Self.admit("p1", tag: band, in: station)
            // Arrival: both officers, then the person, through the entrance.
            try await Self.move([Self.o1, Self.o2, band], to: Unit.readerEntrance, zone: "entrance", in: station)
            try await Self.move([Self.o1, Self.o2, band], to: Unit.readerCorridor, zone: "corridor", in: station)
            #expect(await station.writes.first { $0.unit == Unit.lockHolding } != nil, "the officer's tag opened the holding door")
            // Holding, watched from the duty post.
            try await Self.move([band], to: Unit.readerHolding, zone: "holding-1", in: station)
            try await Self.move([Self.o1], to: Unit.readerDuty, zone: "duty", in: station)
            for kind in ["water", "meal"] {
                let reply = try await station.local.post("/v1/people/p1/welfare", json: ["officer": "o2", "kind": kind, "response": "accepted"])
                #expect(reply.status == 200, "\(reply.body)")
            }
            // Questioning: two officers in the room and the recorder running before the person arrives. A
            // reason is logged first, as questioning between midnight and 06:00 needs one (WEL-02).
            let reason = try await station.local.post(
                "/v1/commands", #"{"officer":"o1","action":{"log_reason":{"person":"p1","rule":"WEL-02","reason":"statement needed for an urgent search"}}}"#)
            #expect(reason.status == 200, "\(reason.body)")
            try await Self.move([Self.o1, Self.o2], to: Unit.readerCorridor, zone: "corridor", in: station)
            try await Self.move([band], to: Unit.readerCorridor, zone: "corridor", in: station)
            station.control("set \(Unit.readerInterview) input_1 true")
            try await Self.move([Self.o1, Self.o2], to: Unit.readerInterview, zone: "interview-1", in: station)
            try await Self.move([band], to: Unit.readerInterview, zone: "interview-1", in: station)
            // Out with both officers, and release at the exit.
            try await Self.move([Self.o1, Self.o2], to: Unit.readerCorridor, zone: "corridor", in: station)
            try await Self.move([band], to: Unit.readerCorridor, zone: "corridor", in: station)
            station.control("set \(Unit.readerInterview) input_1 false")
            let release = try await station.local.post("/v1/people/p1/release", json: [
                "officer": "o1", "belongings_returned": true, "exit_health_note": "fit", "family_notified": true, "destination": "home",
            ])
            #expect(release.status == 200, "\(release.body)")
            try await Self.move([Self.o1, Self.o2], to: Unit.readerExit, zone: "exit", in: station)
            station.read(tag: band, at: Unit.readerExit)
            #expect(await station.daemon.loop.read { $0.peopleInCustody.isEmpty })
            // Every alert the stay raised, from the event stream: none may be an alarm.
            try await station.until("the release applied") { _ in true }
            events.cancel()
            let raised = await collector.value
            let alarms = raised.filter { $0.level == .alarm }
            #expect(alarms.isEmpty, "alarms: \(alarms.map { "\($0.key) \($0.message)" })")
            let timeline = try await station.local.get("/v1/people/p1/timeline").object()
            let visits = (timeline["visits"] as? [[String: Any]] ?? []).compactMap { $0["zone"] as? String }
            #expect(visits.starts(with: ["entrance", "corridor", "holding-1", "corridor", "interview-1", "corridor"]), "\(visits)")
        }
    }
}

extension DaemonEndToEndTests {
    @Test func metricsCarryEachDeviceAndTheOpenAlertsByLevel() async throws {
        try await DaemonTestStation.with { station in
            try await Self.untilOnline(station)
            station.control("fault \(Unit.readerDuty) no-answer")
            try await station.until("reader-duty offline") { $0.openAlerts.contains { $0.key.device == "reader-duty" } }
            var text = ""
            let deadline = ContinuousClock.now + .seconds(15)
            while ContinuousClock.now < deadline {
                text = try await station.local.get("/metrics").body
                if text.contains(#"custodyd_device_online{bus="rs485",device="reader-duty"} 0"#)
                    && text.contains(#"custodyd_device_online{bus="rs485",device="lock-holding"} 1"#) { break }
                try await Task.sleep(for: .milliseconds(200))
            }
            #expect(text.contains(#"custodyd_device_online{bus="rs485",device="reader-duty"} 0"#), "\(text)")
            #expect(text.contains(#"custodyd_device_online{bus="rs485",device="lock-holding"} 1"#))
            #expect(text.contains(#"custodyd_open_alerts{level="alarm"}"#))
            #expect(text.contains("custodyd_device_polls_total"))
            #expect(text.contains("custodyd_loop_lag_seconds"))
        }
    }
}
