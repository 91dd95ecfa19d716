import Testing
import Modbus
@testable import DeviceProfiles

struct PointDecodingTests {
    static let temperature = Point(
        name: "temperature", table: .inputRegister, address: 1, type: .int16, scale: 0.1,
        valid: ValidRange(min: -40, max: 80), unavailable: [.bits(0x7FFF)])

    @Test func scaledValueIsEngineeringUnits() {
        #expect(Self.temperature.reading(registers: [0x00D7]) == .value(.double(21.5)))
        #expect(Self.temperature.reading(registers: [0xFF33]) == .value(.double(-20.5)))
    }

    @Test func sentinelIsUnavailableNotANumber() {
        #expect(Self.temperature.reading(registers: [0x7FFF]) == .unavailable(raw: [0x7FFF]))
    }

    @Test func valueOutsideValidRangeIsFlagged() {
        #expect(Self.temperature.reading(registers: [0x0384]) == .outOfRange(.double(90), valid: ValidRange(min: -40, max: 80)))
        #expect(Self.temperature.reading(registers: [0x0384]).value == nil)
    }

    @Test func zeroIsARealValueUnlessDeclaredASentinel() {
        #expect(Self.temperature.reading(registers: [0]) == .value(.double(0)))
    }

    @Test func nanFloatIsUnavailable() {
        let point = Point(name: "v", table: .inputRegister, address: 0, type: .float32)
        #expect(point.reading(registers: [0x7FC0, 0]) == .unavailable(raw: [0x7FC0, 0]))
    }

    @Test func unscaledIntegersStayIntegers() {
        let counter = Point(name: "count", table: .inputRegister, address: 0, type: .uint16)
        #expect(counter.reading(registers: [7]) == .value(.uint(7)))
    }

    @Test func offsetApplies() {
        let point = Point(name: "t", table: .inputRegister, address: 0, type: .uint16, scale: 0.5, offset: -10)
        #expect(point.reading(registers: [40]) == .value(.double(10)))
    }

    @Test func engineeringValuesEncodeBackToRaw() throws {
        #expect(try Self.temperature.registers(for: .double(-20.5)) == [0xFF33])
        #expect(try Self.temperature.registers(for: .double(21.5)) == [0x00D7])
        let energy = Point(name: "e", table: .holdingRegister, address: 0, type: .uint32, wordOrder: .cdab)
        #expect(try energy.registers(for: .uint(0x0001_0002)) == [0x0002, 0x0001])
    }

    @Test func blockSplitsIntoPoints() {
        let batch = ReadBatch(
            table: .inputRegister, address: 0, count: 4,
            points: [
                Point(name: "status", table: .inputRegister, address: 0, type: .bitfield16),
                Self.temperature,
                Point(name: "co2", table: .inputRegister, address: 3, type: .uint16),
            ])
        let samples = batch.samples(registers: [0x0001, 0x00D7, 0xAAAA, 0x0320])
        #expect(samples == [
            PointSample(point: "status", reading: .value(.bits(1))),
            PointSample(point: "temperature", reading: .value(.double(21.5))),
            PointSample(point: "co2", reading: .value(.uint(800))),
        ])
    }

    @Test func shortReplyLeavesLaterPointsUndecodable() {
        let batch = ReadBatch(
            table: .inputRegister, address: 0, count: 3,
            points: [
                Point(name: "a", table: .inputRegister, address: 0, type: .uint16),
                Point(name: "b", table: .inputRegister, address: 1, type: .uint32, wordOrder: .abcd),
            ])
        let samples = batch.samples(registers: [1, 2])
        #expect(samples[0].reading == .value(.uint(1)))
        #expect(samples[1].reading == .undecodable(.wrongRegisterCount(type: .uint32, expected: 2, got: 1)))
    }

    @Test func bitsSplitIntoPoints() {
        let batch = ReadBatch(
            table: .coil, address: 1016, count: 2,
            points: [
                Point(name: "is_new_tag", table: .coil, address: 1016, type: .bool),
                Point(name: "reset_flag", table: .coil, address: 1017, type: .bool),
            ])
        #expect(batch.samples(bits: [true, false]).map(\.reading) == [.value(.bool(true)), .value(.bool(false))])
    }

    @Test func tagIdStringLosesItsPadding() throws {
        let profile = try #require(
            try ProfileLibrary.load(directory: Fixtures.devicesDirectory).profile(id: "inveo-rfid-mif"))
        let tag = try #require(profile.point(named: "tag_id"))
        let registers = try tag.registers(for: .string("04A1B2C3"))
        #expect(registers.count == 10)
        #expect(tag.reading(registers: registers) == .value(.string("04A1B2C3")))
    }
}
