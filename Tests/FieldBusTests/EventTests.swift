import DeviceProfiles
import FieldBus
import Modbus
import Testing

@Suite("Device events: latched reads and counters")
struct EventTests {
    @Test func eachTagReadIsOneOccurrenceWithItsTagAndTheLatchIsAcknowledged() throws {
        let rig = try Rig(.rtu, [.init(id: "reader-1", profile: try exampleProfile("inveo-rfid-mif"), unit: 5)])
        rig.start()
        // The reader's power-on flag is one occurrence of its own, acknowledged like a tag.
        #expect(eventually { rig.log.occurrences("reader-1", "reader_restarted").count == 1 })
        #expect(rig.log.occurrences("reader-1", "tag_read").isEmpty)

        #expect(rig.control("tag 5 04A1B2C3") == "ok queued=0")
        #expect(rig.control("tag 5 04A1B2C3") == "ok queued=1")  // the same wristband twice
        #expect(eventually { rig.log.occurrences("reader-1", "tag_read").count == 2 })
        for occurrence in rig.log.occurrences("reader-1", "tag_read") {
            #expect(occurrence.count == 1)
            #expect(occurrence.captures["tag_id"] == .value(.string("04A1B2C3")))
        }
        let acks = rig.counter.writes(unit: 5).filter { $0.request.functionCode == 5 && $0.request.address == 1016 }
        #expect(acks.count == 2, "each latched read is acknowledged once")
        #expect(eventually { rig.control("get 5 is_new_tag") == "ok false" })

        // Polls go on; nothing more is reported for reads already acknowledged.
        let polls = rig.counter.requests(unit: 5).count
        #expect(eventually { rig.counter.requests(unit: 5).count >= polls + 5 })
        #expect(rig.log.occurrences("reader-1", "tag_read").count == 2)
        #expect(rig.log.occurrences("reader-1", "reader_restarted").count == 1)
    }

    @Test func aCounterReportsEachIncrementAndItsFirstReadingOnlySetsTheBaseline() throws {
        let profile = try exampleProfile("door-controller-tcp")
        let rig = try Rig(.tcp, [.init(id: "door-1", profile: profile, unit: 1)])
        #expect(rig.control("bump 1 forced_open_count") == "ok")  // counted before we ever looked
        rig.start()
        #expect(eventually { rig.log.samples("door-1", "forced_open_count") == [.value(.uint(1))] })
        #expect(rig.log.occurrences("door-1", "door_forced").isEmpty)

        #expect(rig.control("force 1") == "ok")
        #expect(eventually { rig.log.occurrences("door-1", "door_forced").count == 1 })
        let first = try #require(rig.log.occurrences("door-1", "door_forced").first)
        #expect(first.count == 1)
        #expect(first.captures["door_closed"] == .value(.bool(false)))

        #expect(rig.control("close 1") == "ok")
        #expect(rig.control("force 1") == "ok")
        #expect(rig.control("force 1") == "ok")
        #expect(eventually { rig.log.occurrences("door-1", "door_forced").map(\.count).reduce(0, +) == 3 })
        let polls = rig.counter.requests(unit: 1).count
        #expect(eventually { rig.counter.requests(unit: 1).count >= polls + 6 })
        #expect(rig.log.occurrences("door-1", "door_forced").map(\.count).reduce(0, +) == 3)
    }
}
