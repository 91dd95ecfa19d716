import Testing
import Modbus
@testable import DeviceProfiles

struct ReadingMatchTests {
    @Test(arguments: [
        (PointReading.value(.uint(32)), ModbusValue.double(32), true),
        (.value(.double(21.5)), .double(21.5), true),
        (.value(.bool(false)), .bool(false), true),
        (.value(.bool(true)), .bool(false), false),
        (.value(.bool(true)), .double(1), false),
        (.value(.uint(31)), .double(32), false),
        (.unavailable(raw: [0x7FFF]), .double(32767), false),
        (.outOfRange(.double(90), valid: ValidRange(min: 0, max: 80)), .double(90), false),
    ])
    func readingMatchesExpectation(reading: PointReading, expected: ModbusValue, matches: Bool) {
        #expect(reading.matches(expected) == matches)
    }

    @Test func verifyOfAnUnlockLooksForAReleasedBond() {
        let verify = Verify(point: "bond_sensor", expect: .bool(false), withinMs: 1000)
        #expect(verify.isSatisfied(by: .value(.bool(false))))
        #expect(!verify.isSatisfied(by: .value(.bool(true))))
    }

    @Test func latchFiresWhileSetEvenForTheSameTagTwice() {
        let trigger = DeviceEvent.Trigger.latch(point: "is_new_tag", equals: .bool(true))
        #expect(trigger.fires(now: .value(.bool(true)), previous: .value(.bool(true))))
        #expect(!trigger.fires(now: .value(.bool(false)), previous: .value(.bool(true))))
    }

    @Test func counterFiresOnChangeButNotOnTheFirstReading() {
        let trigger = DeviceEvent.Trigger.counter(point: "tag_counter")
        #expect(!trigger.fires(now: .value(.uint(5)), previous: nil))
        #expect(!trigger.fires(now: .value(.uint(5)), previous: .value(.uint(5))))
        #expect(trigger.fires(now: .value(.uint(6)), previous: .value(.uint(5))))
        #expect(trigger.fires(now: .value(.uint(0)), previous: .value(.uint(65535))))
        #expect(!trigger.fires(now: .unavailable(raw: [0]), previous: .value(.uint(5))))
        #expect(trigger.point == "tag_counter")
    }
}
