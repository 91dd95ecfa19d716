import DeviceProfiles
import FieldBus
import Foundation
import Modbus
import Synchronization
import Testing

@Suite("Commands: ahead of polls, verified by read-back, never sent late")
struct CommandTests {
    /// Waits until `unit` has received a request after `instant` (so a slow fault is now in flight).
    func awaitRequest(_ rig: Rig, unit: Int, after instant: ContinuousClock.Instant) async -> Bool {
        await eventually { !rig.counter.requests(unit: unit, since: instant).isEmpty }
    }

    @Test func anUnlockQueuedBehindSlowPollsIsSentNextAndVerified() async throws {
        let profile = try exampleProfile("door-controller-tcp")
        let rig = try Rig(.tcp, [.init(id: "door-1", profile: profile, unit: 1), .init(id: "door-2", profile: profile, unit: 2)])
        rig.start()
        #expect(await eventually { rig.log.isOnline("door-1") && rig.log.isOnline("door-2") })
        let slowMs = 200.0
        #expect(rig.control("fault 2 slow \(Int(slowMs))") == "ok")
        let faulted = ContinuousClock.now  // after the fault is in force: the next request is slow
        #expect(await awaitRequest(rig, unit: 2, after: faulted))
        try await Task.sleep(for: .seconds(0.3))  // polls of both doors are now backed up behind the slow one

        let sent = ContinuousClock.now
        let outcome = await rig.supervisor.send(command: "unlock", to: "door-1")
        let write = try #require(rig.counter.writes(unit: 1).first { $0.at >= sent })
        #expect(write.request.functionCode == 6 && write.request.address == 16)
        let latency = milliseconds(sent.duration(to: write.at))
        #expect(latency <= slowMs + 150, "the unlock waited \(latency) ms; at most one transaction was in flight")
        guard case .verified(let elapsed) = outcome else {
            Issue.record("unlock not verified: \(outcome)")
            return
        }
        #expect(elapsed <= 1000 + Int(slowMs) * 2)
        #expect(rig.log.samples("door-1", "lock_bonded").last == .value(.bool(false)))
        #expect(rig.log.all.contains { $0.device == "door-1" && $0.kind == .commandFinished(command: "unlock", outcome: outcome) })
        print("unlock behind \(Int(slowMs)) ms polls: written after \(latency) ms, verified after \(elapsed) ms")
    }

    @Test func anUnlockGoesAheadOfATagReadsFollowUpReadsAndAcknowledgement() async throws {
        let rig = try Rig(.rtu, [
            .init(id: "door-4", profile: try exampleProfile("waveshare-relay-8ch-door"), unit: 4),
            .init(id: "reader-5", profile: try exampleProfile("inveo-rfid-mif"), unit: 5),
        ])
        rig.start()
        #expect(await eventually { rig.log.isOnline("door-4") && rig.log.isOnline("reader-5") })
        let slowMs = 150.0
        #expect(rig.control("fault 5 slow \(Int(slowMs))") == "ok")
        for index in 0..<30 { _ = rig.control("tag 5 0400\(index)") }  // each read: poll, tag id read, acknowledgement
        #expect(await eventually { rig.log.occurrences("reader-5", "tag_read").count >= 2 })
        var latencies: [Double] = []
        for attempt in 0..<5 {
            try await Task.sleep(for: .seconds(Double(attempt * 37 % 150) / 1000))
            let sent = ContinuousClock.now
            #expect(await rig.supervisor.send(command: "unlock", to: "door-4").succeeded)
            let write = try #require(rig.counter.writes(unit: 4).first { $0.at >= sent })
            latencies.append(milliseconds(sent.duration(to: write.at)))
        }
        #expect(latencies.allSatisfy { $0 <= slowMs + 100 }, "unlock waits \(latencies) ms beside a busy reader")
        print("unlock beside a reader with \(Int(slowMs)) ms replies: written after \(latencies.map { Int($0) }) ms")
    }

    @Test func aRawVendorPulseOverRTUIsWrittenAndVerifiedByTheBondSensor() async throws {
        let rig = try Rig(.rtu, [.init(id: "door-4", profile: try exampleProfile("waveshare-relay-8ch-door"), unit: 4)])
        rig.start()
        #expect(await eventually { rig.log.isOnline("door-4") })
        let sent = ContinuousClock.now
        let outcome = await rig.supervisor.send(command: "unlock", to: "door-4")
        #expect(outcome.succeeded, "\(outcome)")
        let write = try #require(rig.counter.writes(unit: 4).first)
        #expect(write.request.functionCode == 5 && write.request.address == 0x0200)
        print("RTU unlock: written after \(milliseconds(sent.duration(to: write.at))) ms, \(outcome)")
        // The relay's coil is read in its own batch; its next poll (every 250 ms, during the 5 s pulse) shows it on.
        #expect(await eventually { rig.log.samples("door-4", "release_relay").contains(.value(.bool(true))) })
    }

    @Test func aCommandWhoseReadBackNeverMatchesIsReportedNotVerified() async throws {
        var profile = try exampleProfile("door-controller-tcp")
        // The bond sensor releases 200 ms after the pulse starts: a 100 ms verify window is too short.
        let index = try #require(profile.commands.firstIndex { $0.name == "unlock" })
        profile.commands[index].verify?.withinMs = 100
        let rig = try Rig(.tcp, [.init(id: "door-1", profile: profile, unit: 1)])
        rig.start()
        #expect(await eventually { rig.log.isOnline("door-1") })
        #expect(await rig.supervisor.send(command: "unlock", to: "door-1") == .notVerified(lastReading: .value(.bool(true))))
        #expect(rig.counter.writes(unit: 1).count == 1, "a command is sent once, never retried")
    }

    @Test func aCommandPastItsDeadlineIsReportedExpiredAndNeverSent() async throws {
        let rig = try Rig(
            .tcp, [.init(id: "door-1", profile: try exampleProfile("door-controller-tcp"), unit: 1)], commandDeadlineMs: 150)
        rig.start()
        #expect(await eventually { rig.log.isOnline("door-1") })
        #expect(rig.control("fault 1 slow 600") == "ok")
        let faulted = ContinuousClock.now  // after the fault is in force: the next request is slow
        #expect(await awaitRequest(rig, unit: 1, after: faulted))  // the bus is now busy for 600 ms

        let outcome = await rig.supervisor.send(command: "unlock", to: "door-1")
        guard case .expired(let waited) = outcome else {
            Issue.record("expected an expired command, got \(outcome)")
            return
        }
        #expect(waited >= 150)
        #expect(rig.control("fault 1 none") == "ok")
        let polls = rig.counter.requests(unit: 1).count
        #expect(await eventually { rig.counter.requests(unit: 1).count >= polls + 4 })
        #expect(rig.counter.writes(unit: 1).isEmpty, "an expired unlock never reaches the door")
        #expect(rig.control("get 1 lock_bonded") == "ok true")
    }

    @Test func aFireReleaseSendsEveryDoorsUnlockAndReportsEach() async throws {
        let door = try exampleProfile("door-controller-tcp")
        let rig = try Rig(.tcp, [
            .init(id: "door-1", profile: door, unit: 1), .init(id: "door-2", profile: door, unit: 2),
            .init(id: "room-1", profile: try exampleProfile("xy-md02"), unit: 3),
        ])
        rig.start()
        #expect(await eventually { rig.log.isOnline("door-1") && rig.log.isOnline("door-2") })
        #expect(rig.supervisor.doorUnlockCommands.map(\.device) == ["door-1", "door-2"])
        let outcomes = await rig.supervisor.unlockAllDoors()
        #expect(Set(outcomes.keys) == ["door-1", "door-2"])
        #expect(outcomes.values.allSatisfy { $0.succeeded }, "\(outcomes)")
        #expect(rig.counter.writes(unit: 3).isEmpty)
    }

    @Test func unknownNamesAreRefusedAtOnce() async throws {
        let rig = try Rig(.tcp, [.init(id: "door-1", profile: try exampleProfile("door-controller-tcp"), unit: 1)])
        #expect(await rig.supervisor.send(command: "unlock", to: "door-9") == .unknownDevice("door-9"))
        #expect(await rig.supervisor.send(command: "explode", to: "door-1") == .unknownCommand("explode"))
    }

    @Test func stopFailsWaitingCommandsJoinsTheThreadsAndEndsPolling() async throws {
        let rig = try Rig(.tcp, [.init(id: "door-1", profile: try exampleProfile("door-controller-tcp"), unit: 1)])
        rig.start()
        #expect(await eventually { rig.log.isOnline("door-1") })
        #expect(rig.control("fault 1 slow 400") == "ok")
        let faulted = ContinuousClock.now  // after the fault is in force: the next request is slow
        #expect(await awaitRequest(rig, unit: 1, after: faulted))
        let outcome = Mutex<CommandOutcome?>(nil)
        rig.supervisor.send(command: "unlock", to: "door-1") { result in outcome.withLock { $0 = result } }
        let stopping = ContinuousClock.now
        rig.supervisor.stop()
        #expect(milliseconds(stopping.duration(to: .now)) < 1000, "stop waits for the one transaction in flight")
        #expect(outcome.withLock { $0 } == .failed(.closed))
        let requests = rig.counter.requests.count
        try await Task.sleep(for: .seconds(0.4))
        #expect(rig.counter.requests.count == requests, "no bus thread polls after stop")
        #expect(rig.supervisor.sendAndWait(command: "unlock", to: "door-1") == .failed(.closed))
        #expect(rig.counter.writes(unit: 1).isEmpty)
    }
}
