import Testing
@testable import Modbus

struct CodecErrorTests {
    @Test(arguments: [
        (ValueType.float32, [UInt16(0x47F1)]),
        (ValueType.int16, [UInt16(1), 2]),
        (ValueType.uint64, [UInt16(1), 2, 3]),
        (ValueType.string(registers: 4), [UInt16(0x4142)]),
    ])
    func wrongRegisterCountIsRejected(type: ValueType, registers: [UInt16]) {
        #expect(throws: CodecError.wrongRegisterCount(type: type, expected: type.registerCount, got: registers.count)) {
            try ValueCodec.decode(registers, as: type)
        }
    }

    @Test(arguments: [
        (ValueType.int16, ModbusValue.int(32768)),
        (ValueType.int16, ModbusValue.int(-32769)),
        (ValueType.uint16, ModbusValue.int(-1)),
        (ValueType.uint16, ModbusValue.uint(65536)),
        (ValueType.int32, ModbusValue.uint(0x8000_0000)),
        (ValueType.uint32, ModbusValue.int(0x1_0000_0000)),
        (ValueType.int64, ModbusValue.uint(UInt64.max)),
        (ValueType.uint64, ModbusValue.int(-1)),
        (ValueType.int16, ModbusValue.double(1.5)),
        (ValueType.float32, ModbusValue.double(1e39)),
        (ValueType.bitfield16, ModbusValue.int(70000)),
    ])
    func valuesThatDoNotFitAreRejected(type: ValueType, value: ModbusValue) {
        #expect(throws: CodecError.outOfRange(type: type, value: value.description)) {
            try ValueCodec.encode(value, as: type)
        }
    }

    @Test(arguments: [Double.nan, .infinity, -.infinity])
    func nonFiniteFloatsAreNeverWritten(number: Double) {
        #expect(throws: CodecError.notFinite(type: .float32)) {
            try ValueCodec.encode(.double(number), as: .float32)
        }
        #expect(throws: CodecError.notFinite(type: .float64)) {
            try ValueCodec.encode(.double(number), as: .float64)
        }
    }

    @Test func nanAndInfinityAreNotDecodedAsNumbers() {
        #expect(throws: CodecError.notFinite(type: .float32)) {
            try ValueCodec.decode([0x7FC0, 0x0000], as: .float32)
        }
        #expect(throws: CodecError.notFinite(type: .float32)) {
            try ValueCodec.decode([0x7F80, 0x0000], as: .float32)
        }
        #expect(throws: CodecError.notFinite(type: .float64)) {
            try ValueCodec.decode([0x7FF8, 0, 0, 0], as: .float64)
        }
    }

    @Test func wrongKindsAreRejected() {
        #expect(throws: CodecError.kindMismatch(type: .int16, value: "\"12\"")) {
            try ValueCodec.encode(.string("12"), as: .int16)
        }
        #expect(throws: CodecError.kindMismatch(type: .bool, value: "2")) {
            try ValueCodec.encode(.int(2), as: .bool)
        }
        #expect(throws: CodecError.kindMismatch(type: .bool, value: "0.5")) {
            try ValueCodec.encode(.double(0.5), as: .bool)
        }
        #expect(throws: CodecError.kindMismatch(type: .float32, value: "true")) {
            try ValueCodec.encode(.bool(true), as: .float32)
        }
    }

    @Test func stringsLongerThanTheirRegistersAreRejected() {
        #expect(throws: CodecError.stringTooLong(maxBytes: 4, got: 5)) {
            try ValueCodec.encode(.string("ABCDE"), as: .string(registers: 2))
        }
    }

    @Test func stringsTakeOnlyByteOrders() {
        #expect(throws: CodecError.unsupportedWordOrder(type: .string(registers: 1), order: .cdab)) {
            try ValueCodec.decode([0x4142], as: .string(registers: 1), order: .cdab)
        }
    }

    @Test func invalidUTF8IsNotText() {
        #expect(throws: CodecError.invalidText) {
            try ValueCodec.decode([0xC328], as: .string(registers: 1))
        }
    }

    @Test func errorsReadAsSentences() {
        let error = CodecError.wrongRegisterCount(type: .float32, expected: 2, got: 1)
        #expect(error.description == "float32 needs 2 register(s), got 1")
    }
}
