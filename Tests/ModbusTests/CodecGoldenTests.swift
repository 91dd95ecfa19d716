import Testing
@testable import Modbus

/// Register layouts checked against values computed outside Swift (Python's `struct`), so a
/// consistent mistake in both encode and decode cannot pass.
struct CodecGoldenTests {
    struct Vector: Sendable, CustomTestStringConvertible {
        let type: ValueType
        let value: ModbusValue
        let order: WordOrder
        let registers: [UInt16]
        var testDescription: String { "\(type) \(value) \(order.rawValue)" }
    }

    static let vectors: [Vector] = [
        // 123456.0 as float32 = 0x47F12000 (DEVICES.md §5).
        Vector(type: .float32, value: .double(123456), order: .abcd, registers: [0x47F1, 0x2000]),
        Vector(type: .float32, value: .double(123456), order: .badc, registers: [0xF147, 0x0020]),
        Vector(type: .float32, value: .double(123456), order: .cdab, registers: [0x2000, 0x47F1]),
        Vector(type: .float32, value: .double(123456), order: .dcba, registers: [0x0020, 0xF147]),
        // -2.5 as float32 = 0xC0200000.
        Vector(type: .float32, value: .double(-2.5), order: .abcd, registers: [0xC020, 0x0000]),
        Vector(type: .float32, value: .double(-2.5), order: .dcba, registers: [0x0000, 0x20C0]),
        // -123456789 as int32 = 0xF8A432EB.
        Vector(type: .int32, value: .int(-123_456_789), order: .abcd, registers: [0xF8A4, 0x32EB]),
        Vector(type: .int32, value: .int(-123_456_789), order: .badc, registers: [0xA4F8, 0xEB32]),
        Vector(type: .int32, value: .int(-123_456_789), order: .cdab, registers: [0x32EB, 0xF8A4]),
        Vector(type: .int32, value: .int(-123_456_789), order: .dcba, registers: [0xEB32, 0xA4F8]),
        // 0xDEADBEEF as uint32.
        Vector(type: .uint32, value: .uint(0xDEAD_BEEF), order: .abcd, registers: [0xDEAD, 0xBEEF]),
        Vector(type: .uint32, value: .uint(0xDEAD_BEEF), order: .badc, registers: [0xADDE, 0xEFBE]),
        Vector(type: .uint32, value: .uint(0xDEAD_BEEF), order: .cdab, registers: [0xBEEF, 0xDEAD]),
        Vector(type: .uint32, value: .uint(0xDEAD_BEEF), order: .dcba, registers: [0xEFBE, 0xADDE]),
        // -81985529216486896 as int64 = 0xFEDCBA9876543210.
        Vector(type: .int64, value: .int(-81_985_529_216_486_896), order: .abcd,
               registers: [0xFEDC, 0xBA98, 0x7654, 0x3210]),
        Vector(type: .int64, value: .int(-81_985_529_216_486_896), order: .badc,
               registers: [0xDCFE, 0x98BA, 0x5476, 0x1032]),
        Vector(type: .int64, value: .int(-81_985_529_216_486_896), order: .cdab,
               registers: [0x3210, 0x7654, 0xBA98, 0xFEDC]),
        Vector(type: .int64, value: .int(-81_985_529_216_486_896), order: .dcba,
               registers: [0x1032, 0x5476, 0x98BA, 0xDCFE]),
        // 72623859790382856 as uint64 = 0x0102030405060708.
        Vector(type: .uint64, value: .uint(72_623_859_790_382_856), order: .abcd,
               registers: [0x0102, 0x0304, 0x0506, 0x0708]),
        Vector(type: .uint64, value: .uint(72_623_859_790_382_856), order: .badc,
               registers: [0x0201, 0x0403, 0x0605, 0x0807]),
        Vector(type: .uint64, value: .uint(72_623_859_790_382_856), order: .cdab,
               registers: [0x0708, 0x0506, 0x0304, 0x0102]),
        Vector(type: .uint64, value: .uint(72_623_859_790_382_856), order: .dcba,
               registers: [0x0807, 0x0605, 0x0403, 0x0201]),
        // 123456.0 as float64 = 0x40FE240000000000.
        Vector(type: .float64, value: .double(123456), order: .abcd, registers: [0x40FE, 0x2400, 0x0000, 0x0000]),
        Vector(type: .float64, value: .double(123456), order: .badc, registers: [0xFE40, 0x0024, 0x0000, 0x0000]),
        Vector(type: .float64, value: .double(123456), order: .cdab, registers: [0x0000, 0x0000, 0x2400, 0x40FE]),
        Vector(type: .float64, value: .double(123456), order: .dcba, registers: [0x0000, 0x0000, 0x0024, 0xFE40]),
        // Single-register types ignore the word order.
        Vector(type: .int16, value: .int(-205), order: .abcd, registers: [0xFF33]),
        Vector(type: .int16, value: .int(-205), order: .dcba, registers: [0xFF33]),
        Vector(type: .uint16, value: .uint(65535), order: .abcd, registers: [0xFFFF]),
        Vector(type: .bitfield16, value: .bits(0x8001), order: .abcd, registers: [0x8001]),
        Vector(type: .bool, value: .bool(true), order: .abcd, registers: [0x0001]),
        // Strings: high byte first, NUL padded; BADC puts the first character in the low byte.
        Vector(type: .string(registers: 3), value: .string("ABC"), order: .abcd, registers: [0x4142, 0x4300, 0x0000]),
        Vector(type: .string(registers: 2), value: .string("ABCD"), order: .badc, registers: [0x4241, 0x4443]),
    ]

    @Test("encode gives the golden registers", arguments: vectors)
    func encodeMatchesGolden(vector: Vector) throws {
        #expect(try ValueCodec.encode(vector.value, as: vector.type, order: vector.order) == vector.registers)
    }

    @Test("decode of the golden registers gives the value", arguments: vectors)
    func decodeMatchesGolden(vector: Vector) throws {
        #expect(try ValueCodec.decode(vector.registers, as: vector.type, order: vector.order) == vector.value)
    }

    @Test func negativeTemperatureFromXYMD02() throws {
        let raw = try ValueCodec.decode([0xFF33], as: .int16)
        #expect(raw == .int(-205))
        let celsius = try #require(raw.numericValue) * 0.1
        #expect(abs(celsius - -20.5) < 1e-9)
    }

    @Test func trailingNULsAreDroppedButInnerTextKept() throws {
        #expect(try ValueCodec.decode([0x3034, 0x4132, 0x0000, 0x0000], as: .string(registers: 4)) == .string("04A2"))
        #expect(try ValueCodec.decode([0x0000, 0x0000], as: .string(registers: 2)) == .string(""))
    }

    @Test func bitfieldNamesFollowBitOrder() {
        let names = [0: "fatal_error", 1: "offset_regulation_error", 5: "out_of_range"]
        #expect(ValueCodec.setBitNames(0x0023, names: names) == ["fatal_error", "offset_regulation_error", "out_of_range"])
        #expect(ValueCodec.setBitNames(0x0104, names: names) == ["bit2", "bit8"])
        #expect(ValueCodec.setBitNames(0, names: names).isEmpty)
    }

    @Test func allFourOrdersShowTheRightReading() throws {
        let decodings = ValueCodec.decodeInAllOrders([0x2000, 0x47F1], as: .float32)
        #expect(decodings.map(\.order) == [.abcd, .badc, .cdab, .dcba])
        let cdab = try #require(decodings.first { $0.order == .cdab })
        #expect(try cdab.result.get() == .double(123456))
        let abcd = try #require(decodings.first { $0.order == .abcd })
        #expect(try abcd.result.get() != .double(123456))
    }
}
