import DeviceProfiles
import FieldBus
import Foundation
import Modbus
import Testing

@Suite("Polling: planned batches, samples on change")
struct PollingTests {
    @Test(arguments: [(Rig.Transport.tcp, "door-controller-tcp"), (.rtu, "waveshare-relay-8ch-door")])
    func readsExactlyThePlannedBatchesAtTheirIntervals(transport: Rig.Transport, profileID: String) throws {
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
        #expect(eventually { fastReads() >= 2 })
        let windowStart = ContinuousClock.now
        Thread.sleep(forTimeInterval: 1.0)
        let inWindow = fastReads(since: windowStart)
        #expect((3...6).contains(inWindow), "a 250 ms batch is read about 4 times a second, got \(inWindow)")

        let planned = Set(schedule.flatMap(\.batches).map { [Int($0.functionCode), $0.address, $0.count] })
        let seen = Set(rig.counter.requests(unit: 3).map { [Int($0.request.functionCode), $0.request.address, $0.request.count] })
        #expect(seen == planned, "every read is one planned batch, and every batch is read at start")
    }

    @Test func samplesAreReportedOnceThenOnlyBeyondTheirDeadband() throws {
        let profile = try exampleProfile("xy-md02")
        let rig = try Rig(
            .rtu, [.init(id: "room-1", profile: profile, unit: 1, deadbands: ["temperature": 0.5], pollIntervalOverrideMs: 100)])
        rig.start()
        #expect(eventually { rig.log.samples("room-1", "humidity_offset").count == 1 })
        #expect(rig.log.samples("room-1", "slave_address") == [.value(.uint(1))])

        #expect(rig.control("set 1 temperature 25.0") == "ok")
        #expect(eventually { rig.log.samples("room-1", "temperature").last == .value(.double(25.0)) })
        let reported = rig.log.samples("room-1", "temperature").count

        #expect(rig.control("set 1 temperature 25.3") == "ok")  // within the deadband
        let polled = rig.counter.requests(unit: 1).count
        #expect(eventually { rig.counter.requests(unit: 1).count >= polled + 6 })
        #expect(rig.log.samples("room-1", "temperature").count == reported)

        #expect(rig.control("set 1 temperature 25.8") == "ok")  // beyond it
        #expect(eventually { rig.log.samples("room-1", "temperature").count == reported + 1 })
        let last = try #require(rig.log.samples("room-1", "temperature").last?.value?.numericValue)
        #expect(abs(last - 25.8) < 0.15)
        #expect(rig.log.samples("room-1", "humidity_offset").count == 1, "an unchanged point is reported once")
    }

    @Test func everyDoorTransitionIsReportedWithAWallClockTime() throws {
        let rig = try Rig(.tcp, [.init(id: "door-1", profile: try exampleProfile("door-controller-tcp"), unit: 1)])
        let before = Int64(Date().timeIntervalSince1970 * 1000)
        rig.start()
        #expect(eventually { rig.log.samples("door-1", "door_closed") == [.value(.bool(true))] })
        #expect(rig.control("open 1") == "ok")
        #expect(eventually { rig.log.samples("door-1", "door_closed").count == 2 })
        #expect(rig.control("close 1") == "ok")
        #expect(eventually { rig.log.samples("door-1", "door_closed").count == 3 })
        #expect(rig.log.samples("door-1", "door_closed") == [.value(.bool(true)), .value(.bool(false)), .value(.bool(true))])
        let after = Int64(Date().timeIntervalSince1970 * 1000)
        #expect(rig.log.all.allSatisfy { (before...after).contains($0.timestampMs) })
    }
}
