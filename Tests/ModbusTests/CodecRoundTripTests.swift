import Testing
@testable import Modbus

struct CodecRoundTripTests {
    static let samples: [(ValueType, ModbusValue)] = [
        (.bool, .bool(false)), (.bool, .bool(true)),
        (.int16, .int(Int64(Int16.min))), (.int16, .int(Int64(Int16.max))), (.int16, .int(0)),
        (.uint16, .uint(0)), (.uint16, .uint(UInt64(UInt16.max))),
        (.int32, .int(Int64(Int32.min))), (.int32, .int(Int64(Int32.max))), (.int32, .int(-1)),
        (.uint32, .uint(UInt64(UInt32.max))), (.uint32, .uint(1)),
        (.int64, .int(.min)), (.int64, .int(.max)), (.int64, .int(-42)),
        (.uint64, .uint(.max)), (.uint64, .uint(0)),
        (.float32, .double(-20.5)), (.float32, .double(0.15625)), (.float32, .double(-0.0)),
        (.float64, .double(3.141592653589793)), (.float64, .double(-1e300)),
        (.bitfield16, .bits(0xA5A5)),
        (.string(registers: 5), .string("TAG-0042")), (.string(registers: 2), .string("é!")),
    ]

    @Test("decode(encode(v)) == v in every order", arguments: samples, WordOrder.allCases)
    func roundTrip(sample: (ValueType, ModbusValue), order: WordOrder) throws {
        let (type, value) = sample
        if case .string = type, order.reversesWords { return }
        let registers = try ValueCodec.encode(value, as: type, order: order)
        #expect(registers.count == type.registerCount)
        #expect(try ValueCodec.decode(registers, as: type, order: order) == value)
    }

    @Test("decode accepts a slice of a polled block")
    func decodesFromSlice() throws {
        let block: [UInt16] = [0x0000, 0xFF33, 0x47F1, 0x2000, 0x0000]
        #expect(try ValueCodec.decode(block[2...3], as: .float32) == .double(123456))
        #expect(try ValueCodec.decode(block[1...1], as: .int16) == .int(-205))
    }

    @Test(arguments: ValueType.profileNames)
    func profileNamesParse(name: String) throws {
        let type = try #require(ValueType(profileName: name, length: 4))
        #expect(type.description.hasPrefix(name))
    }

    @Test func stringNeedsALength() {
        #expect(ValueType(profileName: "string") == nil)
        #expect(ValueType(profileName: "string", length: 0) == nil)
        #expect(ValueType(profileName: "float16") == nil)
    }
}
