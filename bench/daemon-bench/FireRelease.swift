import Foundation
import FieldBus
import Modbus
import StationService

/// The fire panel's alarm contact closes → every lock receives its release write, and then each
/// release is confirmed by read-back (the command's verify: the bond sensor falling). Repeated, with
/// the alarm cleared and every lock relocked between runs.
struct FireRelease {
    let station: BenchStation
    let repetitions: Int

    func run() async throws -> String {
        let fire = BenchStation.Unit.fire
        let lockCount = BenchStation.rtuLocks.count + 1
        var released: [Double] = [], confirmed: [Double] = [], signal: [Double] = [], daemon: [Double] = []
        var unconfirmed = 0
        for _ in 0..<repetitions {
            try await Task.sleep(for: .milliseconds(Int.random(in: 0..<250)))
            let writes = station.recorder.count, marks = station.timeline.count
            let set = ContinuousClock.now
            try station.control("set \(fire) fire_alarm true", on: station.lineA)
            let releases = try await allReleases(after: writes, count: lockCount)
            let finished = await station.timeline.wait(for: lockCount, after: marks, timeout: .seconds(5)) { mark in
                if case .commandFinished(_, "unlock", true) = mark { true } else { false }
            }
            let seen = station.timeline.entries(after: marks) { $0 == .fireAlarm(device: "fire-monitor", active: true) }.first
            let handed = station.timeline.entries(after: marks) { $0 == .doorCommand(command: "release", door: nil) }.first
            guard let seen, let handed else { throw BenchError("the release arrived without the fire signal being seen") }
            released.append((releases - set).milliseconds)
            signal.append((seen.at - set).milliseconds)
            daemon.append((handed.at - seen.at).milliseconds)
            if let finished {
                let devices = Set(finished.compactMap { entry -> String? in
                    if case .commandFinished(let device, _, _) = entry.mark { device } else { nil }
                })
                if devices.count == lockCount, let last = finished.map(\.at).max() {
                    confirmed.append((last - set).milliseconds)
                } else {
                    unconfirmed += 1
                }
            } else {
                unconfirmed += 1
            }
            try await clear(after: marks)
        }
        return "fire repetitions=\(repetitions) locks=\(lockCount) fire_poll_ms=250 line=\(station.line) unconfirmed=\(unconfirmed) "
            + Percentiles(released).fields("released") + " " + Percentiles(confirmed).fields("confirmed") + " "
            + Percentiles(signal).fields("signal_seen") + " " + Percentiles(daemon).fields("daemon")
    }

    /// The instant the last lock received its release write.
    private func allReleases(after writes: Int, count: Int) async throws -> ContinuousClock.Instant {
        let deadline = ContinuousClock.now + .seconds(5)
        while ContinuousClock.now < deadline {
            var last: [String: ContinuousClock.Instant] = [:]
            for write in station.recorder.all(after: writes) {
                let isRelease = (write.bus == "entrance-tcp" && write.address == 16) || (write.bus != "entrance-tcp" && write.address == 0x0200)
                if isRelease, last["\(write.bus)/\(write.unit)"] == nil { last["\(write.bus)/\(write.unit)"] = write.at }
            }
            if last.count >= count, let instant = last.values.max() { return instant }
            try await Task.sleep(for: .milliseconds(1))
        }
        throw BenchError("not every lock received its release within 5 s")
    }

    /// Clears the alarm and waits until the daemon ends its release, then relocks every door with the
    /// daemon's own `lock_now` and waits for every bond sensor, so the next run starts from locked doors.
    private func clear(after marks: Int) async throws {
        try station.control("set \(BenchStation.Unit.fire) fire_alarm false", on: station.lineA)
        guard await station.timeline.wait(after: marks, timeout: .seconds(5), where: {
            $0 == .doorCommand(command: "release_end", door: nil)
        }) != nil else { throw BenchError("the end of the fire was not seen") }
        // The daemon's own lock_now over the buses ends every pulse at once, each verified by its bond sensor.
        let devices = BenchStation.rtuLocks.map(\.device) + ["lock-entrance"]
        let buses = station.daemon.buses
        let outcomes = await withTaskGroup(of: (String, Bool).self) { group in
            for device in devices { group.addTask { (device, await buses.send(command: "lock_now", to: device).succeeded) } }
            return await group.reduce(into: [:]) { $0[$1.0] = $1.1 }
        }
        if let failed = outcomes.first(where: { !$0.value }) { throw BenchError("\(failed.key) lock_now not verified") }
        let deadline = ContinuousClock.now + .seconds(5)
        while ContinuousClock.now < deadline {
            let bonded = BenchStation.Unit.locks.allSatisfy {
                station.value("bond_sensor", unit: $0, on: station.lineA) == .bool(true)
                    && station.value("bond_sensor", unit: $0, on: station.lineB) == .bool(true)
            } && station.value("lock_bonded", unit: 1, on: station.entrance) == .bool(true)
            if bonded { break }
            try await Task.sleep(for: .milliseconds(10))
        }
        try await Task.sleep(for: .milliseconds(500))
    }
}
