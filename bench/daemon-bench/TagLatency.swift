import Foundation
import FieldBus
import Modbus
import StationService

/// An officer's tag at the corridor reader → the unlock write at door-holding-1's relay, repeated.
///
/// Per repetition: the tag is placed on the simulated reader (t0); the bus thread reports the tag read
/// (a, the field-event tap); the daemon hands the unlock to the bus (b, the door-command tap); the
/// relay receives the unlock write (c, the simulator's arrival time). The pulse's read-back is awaited,
/// then `lock_now` ends it and the bond sensor is back before the next read, so every read is a real unlock.
struct TagLatency {
    let station: BenchStation
    let repetitions: Int

    func run() async throws -> String {
        let reader = BenchStation.Unit.reader, lock = 1
        var total: [Double] = [], toReport: [Double] = [], daemon: [Double] = [], bus: [Double] = []
        var afterAck: [Double] = [], verified: [Double] = []
        var missed = 0
        for _ in 0..<repetitions {
            // A tag arrives at any moment of the reader's poll cycle.
            try await Task.sleep(for: .milliseconds(Int.random(in: 0..<200)))
            let writes = station.recorder.count, marks = station.timeline.count
            let placed = ContinuousClock.now
            try station.control("tag \(reader) \(BenchStation.officerTag)", on: station.lineA)
            guard let unlock = await station.recorder.first(after: writes, where: {
                $0.bus == "rs485-a" && $0.unit == lock && $0.address == 0x0200
            }) else {
                missed += 1
                continue
            }
            let finished = await station.timeline.wait(after: marks, timeout: .seconds(3)) {
                $0 == .commandFinished(device: "lock-1", command: "unlock", succeeded: true)
            }
            let read = station.timeline.entries(after: marks) { $0 == .tagRead(device: "reader-corridor") }.first
            let handed = station.timeline.entries(after: marks) { $0 == .doorCommand(command: "unlock", door: "door-holding-1") }.first
            let ack = station.recorder.all(after: writes).first { $0.bus == "rs485-a" && $0.unit == reader && $0.address == 1016 }
            guard let read, let handed else { throw BenchError("an unlock arrived without its tag read or door command being seen") }
            total.append((unlock.at - placed).milliseconds)
            toReport.append((read.at - placed).milliseconds)
            daemon.append((handed.at - read.at).milliseconds)
            bus.append((unlock.at - handed.at).milliseconds)
            if let ack { afterAck.append((unlock.at - ack.at).milliseconds) }
            if let done = finished?.first { verified.append((done.at - placed).milliseconds) }
            try await relock(lock: lock, reader: reader)
        }
        let line = station.line
        return "latency repetitions=\(repetitions) missed=\(missed) reader_poll_ms=200 line=\(line) "
            + Percentiles(total).fields("total") + " " + Percentiles(toReport).fields("tag_to_report") + " "
            + Percentiles(daemon).fields("daemon") + " " + Percentiles(bus).fields("bus") + " "
            + Percentiles(afterAck).fields("ack_to_unlock") + " " + Percentiles(verified).fields("verified")
            + " verified_count=\(verified.count)"
    }

    /// Ends the pulse with the daemon's own `lock_now` over the bus (verified by the bond sensor), and
    /// waits until the lock is bonded again and the reader's latch is acknowledged.
    private func relock(lock: Int, reader: Int) async throws {
        let outcome = await station.daemon.buses.send(command: "lock_now", to: "lock-\(lock)")
        guard outcome.succeeded else { throw BenchError("lock-\(lock) lock_now: \(outcome)") }
        let deadline = ContinuousClock.now + .seconds(5)
        while ContinuousClock.now < deadline {
            let bonded = station.value("bond_sensor", unit: lock, on: station.lineA) == .bool(true)
            let armed = station.value("is_new_tag", unit: reader, on: station.lineA) == .bool(false)
            if bonded && armed { break }
            try await Task.sleep(for: .milliseconds(5))
        }
    }
}
