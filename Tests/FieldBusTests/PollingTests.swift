import DeviceProfiles
import FieldBus
import Foundation
import Modbus
import Testing

@Suite("Polling: planned batches, samples on change")
struct PollingTests {
    @Test(arguments: [(Rig.Transport.tcp, "door-controller-tcp"), (.rtu, "waveshare-relay-8ch-door")])
    func readsExactlyThePlannedBatchesAtTheirIntervals(transport: Rig.Transport, profileID: String) async throws {
        let profile = try exampleProfile(profileID)
        let rig = try Rig(transport, [.init(id: "door", profile: profile, unit: 3)])
        rig.start()
        let schedule = ReadPlanner.schedule(profile)
        let fast = try #require(schedule.first)
        #expect(fast.intervalMs == 250)
        let fastBatch = try #require(fast.batches.first)
        func fastReads(since: ContinuousClock.Instant = .now.advanced(by: .seconds(-60))) -> Int {
            rig.counter.requests(unit: 3, since: since).filter {
                $0.request.functionCode == fastBatch.functionCode && $0.request.address == fastBatch.address
            }.count
        }
        #expect(await eventually { fastReads() >= 2 })
        let windowStart = ContinuousClock.now
        try await Task.sleep(for: .seconds(1.0))  // a measuring window
        let inWindow = fastReads(since: windowStart)
        let expected = milliseconds(windowStart.duration(to: .now)) / 250
        #expect(abs(Double(inWindow) - expected) <= 1.5, "a 250 ms batch read \(inWindow) times in \(expected * 250) ms")

        let planned = Set(schedule.flatMap(\.batches).map { [Int($0.functionCode), $0.address, $0.count] })
        let seen = Set(rig.counter.requests(unit: 3).map { [Int($0.request.functionCode), $0.request.address, $0.request.count] })
        #expect(seen == planned, "every read is one planned batch, and every batch is read at start")
    }

    @Test func samplesAreReportedOnceThenOnlyBeyondTheirDeadband() async throws {
        let profile = try exampleProfile("xy-md02")
        let rig = try Rig(
            .rtu, [.init(id: "room-1", profile: profile, unit: 1, deadbands: ["temperature": 0.5], pollIntervalOverrideMs: 100)])
        rig.start()
        #expect(await eventually { rig.log.samples("room-1", "humidity_offset").count == 1 })
        #expect(rig.log.samples("room-1", "slave_address") == [.value(.uint(1))])

        // The simulator may drift the value by 0.1 now and then; the steps below leave room for that.
        func lastTemperature() -> Double? { rig.log.samples("room-1", "temperature").last?.value?.numericValue }
        #expect(rig.control("set 1 temperature 25.0") == "ok")
        #expect(await eventually { abs((lastTemperature() ?? 0) - 25.0) < 0.15 })
        let reported = rig.log.samples("room-1", "temperature").count

        #expect(rig.control("set 1 temperature 25.2") == "ok")  // within the deadband
        let polled = rig.counter.requests(unit: 1).count
        #expect(await eventually { rig.counter.requests(unit: 1).count >= polled + 6 })
        #expect(rig.log.samples("room-1", "temperature").count == reported)

        #expect(rig.control("set 1 temperature 25.8") == "ok")  // beyond it
        #expect(await eventually { rig.log.samples("room-1", "temperature").count == reported + 1 })
        #expect(abs((lastTemperature() ?? 0) - 25.8) < 0.15)
        #expect(rig.log.samples("room-1", "humidity_offset").count == 1, "an unchanged point is reported once")
    }

    @Test func everyDoorTransitionIsReportedWithAWallClockTime() async throws {
        let rig = try Rig(.tcp, [.init(id: "door-1", profile: try exampleProfile("door-controller-tcp"), unit: 1)])
        let before = Int64(Date().timeIntervalSince1970 * 1000)
        rig.start()
        #expect(await eventually { rig.log.samples("door-1", "door_closed") == [.value(.bool(true))] })
        #expect(rig.control("open 1") == "ok")
        #expect(await eventually { rig.log.samples("door-1", "door_closed").count == 2 })
        #expect(rig.control("close 1") == "ok")
        #expect(await eventually { rig.log.samples("door-1", "door_closed").count == 3 })
        #expect(rig.log.samples("door-1", "door_closed") == [.value(.bool(true)), .value(.bool(false)), .value(.bool(true))])
        let after = Int64(Date().timeIntervalSince1970 * 1000)
        #expect(rig.log.all.allSatisfy { (before...after).contains($0.timestampMs) })
    }

    @Test func aBusPollsAsFastAsItsLineAllowsWhenAskedTo() async throws {
        let line = try SerialLine(shorthand: "9600-8N1")
        let profile = try exampleProfile("xy-md02")
        let rig = try Rig(.rtu, [.init(id: "room-1", profile: profile, unit: 1, pollIntervalOverrideMs: 1)], wire: line)
        rig.start()
        #expect(await eventually { rig.log.isOnline("room-1") })
        let start = ContinuousClock.now
        try await Task.sleep(for: .seconds(1))  // a measuring window
        let reads = rig.counter.rate(unit: 1, since: start).perSecond
        // One FC4 read of 2 registers: 8 bytes out, 9 back, two silences, then the profile's 20 ms pause.
        let cycleMs = line.cycleMicroseconds(requestBytes: 8, replyBytes: 9) / 1000 + Double(profile.timing.interRequestMs)
        let ceiling = 1000 / cycleMs
        // Lenient below: the machine is shared, and a stalled simulator thread looks like a slow bus.
        #expect(reads >= ceiling * 0.6 && reads <= ceiling * 1.05, "\(reads) reads/s against a ceiling of \(ceiling)")
        print("9600-8N1 with a 20 ms pause: \(reads) reads/s, wire ceiling \(ceiling)/s")
    }
}
