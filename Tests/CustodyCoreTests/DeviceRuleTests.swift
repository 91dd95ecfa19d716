import Testing
import CustodyCore

struct DeviceRuleTests {
    @Test func fireReleasesEveryLockFirstAndCountsHeads() {
        var h = Harness()
        h.admit(Fixtures.adult("p1"), tag: "w1")
        h.admit(Fixtures.adult("p2", caseID: "c2"), tag: "w2")
        h.admit(Fixtures.adult("p3", caseID: "c3"), tag: "w3")
        h.see("w1", in: "holding-1")
        h.see("w2", in: "corridor")
        h.observe(.lockState(door: "d-holding-1", locked: true))
        h.advance(.minutes(1))
        let outcome = h.observe(.fire(active: true))
        #expect(outcome.effects.first == .door(.releaseAll))
        #expect(outcome.effects.contains(.headCount([
            ZoneCount(zone: "corridor", count: 1), ZoneCount(zone: "holding-1", count: 1), ZoneCount(zone: nil, count: 1),
        ])))
        #expect(h.level(AlertKey(.fire01, "fire")) == .alarm)
        h.advance(.seconds(2))
        #expect(h.level(AlertKey(.fire01, "lock_not_released", door: "d-holding-1")) == .alarm)
        h.observe(.lockState(door: "d-holding-1", locked: false))
        #expect(h.level(AlertKey(.fire01, "lock_not_released", door: "d-holding-1")) == nil)
        h.see("w2", in: "exit")
        #expect(h.level(AlertKey(.zone01, "left_area", person: "p2")) == nil)
        h.observe(.fire(active: false))
        #expect(h.level(AlertKey(.fire01, "fire")) == nil)
        #expect(h.level(AlertKey(.zone01, "left_area", person: "p2")) == .alarm)
    }

    @Test func fireLockReadBackHasAGrace() {
        let lock = AlertKey(.fire01, "lock_not_released", door: "d-holding-1")
        // Read back released within the grace: nothing is raised.
        var h = Harness()
        h.observe(.lockState(door: "d-holding-1", locked: true))
        h.advance(.minutes(1))
        let fireAt = h.time
        h.observe(.fire(active: true))
        #expect(h.level(lock) == nil, "no lock can have been released and read back yet")
        #expect(h.engine.nextDeadline == fireAt + .seconds(2), "the end of the grace wakes the engine")
        h.advance(.seconds(1))
        h.observe(.lockState(door: "d-holding-1", locked: false))
        h.advance(.minutes(1))
        #expect(h.level(lock) == nil)
        #expect(h.history(lock).isEmpty)

        // Still locked when the grace ends: the alarm is raised by the tick, not by a new input.
        var g = Harness()
        g.observe(.lockState(door: "d-holding-1", locked: true))
        g.advance(.minutes(1))
        let start = g.time
        g.observe(.fire(active: true))
        g.time = start + TimeSpan(milliseconds: 1_999)
        g.apply(.tick)
        #expect(g.level(lock) == nil)
        #expect(g.engine.nextDeadline == start + .seconds(2))
        g.time = start + .seconds(2)
        g.apply(.tick)
        #expect(g.level(lock) == .alarm)
        #expect(g.log.contains { $0.0 == start + .seconds(2) && $0.1 == .raiseAlert(g.engine.alert(lock)!) })
        g.observe(.fire(active: false))
        #expect(g.level(lock) == nil)
    }

    @Test func wristbandIntegrity() {
        var h = Harness()
        h.admit(Fixtures.adult("p1"), tag: "w1")
        h.see("w1", in: "holding-1")
        h.observe(.strap(tag: "w1", opened: true))
        #expect(h.level(AlertKey(.dev01, "strap_opened", tag: "w1")) == .alarm)
        h.observe(.tagBattery(tag: "w1", percent: 15))
        #expect(h.level(AlertKey(.dev01, "tag_battery", tag: "w1")) == .warn)
        h.observe(.tagLost(tag: "w1"))
        h.advance(.seconds(29))
        #expect(h.level(AlertKey(.dev01, "tag_unseen", tag: "w1")) == nil)
        h.advance(.seconds(1))
        #expect(h.level(AlertKey(.dev01, "tag_unseen", tag: "w1")) == .alarm)
        h.see("w1", in: "holding-1")
        #expect(h.level(AlertKey(.dev01, "tag_unseen", tag: "w1")) == nil)
    }

    @Test func doorForcedAndHeldOpen() {
        var h = Harness()
        h.observe(.lockState(door: "d-holding-1", locked: true))
        h.observe(.doorPosition(door: "d-holding-1", open: true))
        #expect(h.level(AlertKey(.dev01, "door_forced", door: "d-holding-1")) == .alarm)
        h.advance(.seconds(30))
        #expect(h.level(AlertKey(.dev01, "door_held_open", door: "d-holding-1")) == .warn)
        h.observe(.doorPosition(door: "d-holding-1", open: false))
        #expect(h.engine.openAlerts.isEmpty)
    }

    @Test func offlineDeviceAlarmsUntilItAnswers() {
        var h = Harness()
        h.observe(.device(device: "lock-h1", online: false))
        let key = AlertKey(.dev01, "device_offline", door: "d-holding-1", device: "lock-h1")
        #expect(h.level(key) == .alarm)
        h.observe(.device(device: "lock-h1", online: true))
        #expect(h.level(key) == nil)
    }

    @Test func climateOfOccupiedRoomsOnly() {
        var h = Harness()
        h.observe(.sensor(device: "env-h1", quantity: .temperature, value: 31))
        #expect(!h.raised(.env01))
        h.admit(Fixtures.adult("p1"), tag: "w1")
        h.see("w1", in: "holding-1")
        #expect(h.level(AlertKey(.env01, "temperature", zone: "holding-1", device: "env-h1")) == .alarm)
        h.observe(.sensor(device: "env-h1", quantity: .temperature, value: 22))
        h.observe(.sensor(device: "env-h1", quantity: .humidity, value: 85))
        #expect(h.level(AlertKey(.env01, "temperature", zone: "holding-1", device: "env-h1")) == nil)
        #expect(h.level(AlertKey(.env01, "humidity", zone: "holding-1", device: "env-h1")) == .warn)
    }

    @Test func carbonDioxideMeanAndPeak() {
        var h = Harness()
        h.admit(Fixtures.adult("p1"), tag: "w1")
        h.see("w1", in: "holding-1")
        h.observe(.sensor(device: "env-h1", quantity: .co2, value: 1_600))
        #expect(h.level(AlertKey(.env01, "co2_mean", zone: "holding-1", device: "env-h1")) == .warn)
        h.advance(.minutes(5))
        #expect(h.level(AlertKey(.env01, "co2_high", zone: "holding-1", device: "env-h1")) == .alarm)
        for _ in 0..<12 {
            h.advance(.minutes(10))
            h.observe(.sensor(device: "env-h1", quantity: .co2, value: 600))
        }
        #expect(h.level(AlertKey(.env01, "co2_mean", zone: "holding-1", device: "env-h1")) == nil)
        #expect(h.level(AlertKey(.env01, "co2_high", zone: "holding-1", device: "env-h1")) == nil)
    }

    @Test(arguments: [(Quantity.breathing, 8.0), (.breathing, 35), (.pulse, 35), (.pulse, 150)])
    func abnormalVitalSignsForSixtySecondsCallForACheck(quantity: Quantity, value: Double) {
        var h = Harness()
        h.admit(Fixtures.adult("p1"), tag: "w1")
        h.see("w1", in: "holding-1")
        h.observe(.sensor(device: "vit-h1", quantity: quantity, value: value))
        let key = AlertKey(.vit01, quantity.rawValue, zone: "holding-1", device: "vit-h1")
        h.advance(.seconds(59))
        #expect(h.level(key) == nil)
        h.advance(.seconds(1))
        #expect(h.level(key) == .alarm)
    }
}
