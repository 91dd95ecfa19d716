/// Encodes values into registers and decodes them back, for every ``ValueType`` and ``WordOrder``.
///
/// Pure Swift, no libmodbus: Debian's libmodbus 3.1.6 writes floats byte-swapped, so every
/// multi-register value goes through here, in the daemon and in the simulators alike.
public enum ValueCodec {
    /// Encodes `value` as `type` in `order`.
    ///
    /// - Throws: ``CodecError`` when the value does not fit the type, is NaN or infinite, or is of
    ///   the wrong kind.
    public static func encode(
        _ value: ModbusValue, as type: ValueType, order: WordOrder = .abcd
    ) throws(CodecError) -> [UInt16] {
        switch type {
        case .bool:
            return [try boolValue(value, type) ? 1 : 0]
        case .bitfield16:
            if case .bits(let raw) = value { return [raw] }
            return [UInt16(try integer(value, type, in: 0...Int64(UInt16.max)))]
        case .int16:
            return [UInt16(bitPattern: Int16(try integer(value, type, in: Int64(Int16.min)...Int64(Int16.max))))]
        case .uint16:
            return [UInt16(try integer(value, type, in: 0...Int64(UInt16.max)))]
        case .int32:
            let number = Int32(try integer(value, type, in: Int64(Int32.min)...Int64(Int32.max)))
            return order.registers(fromBigEndian: bytes(of: UInt64(UInt32(bitPattern: number)), count: 4))
        case .uint32:
            let number = try integer(value, type, in: 0...Int64(UInt32.max))
            return order.registers(fromBigEndian: bytes(of: UInt64(number), count: 4))
        case .int64:
            let number = try integer(value, type, in: Int64.min...Int64.max)
            return order.registers(fromBigEndian: bytes(of: UInt64(bitPattern: number), count: 8))
        case .uint64:
            return order.registers(fromBigEndian: bytes(of: try unsigned64(value, type), count: 8))
        case .float32:
            let number = try finite(value, type)
            guard abs(number) <= Double(Float.greatestFiniteMagnitude) else {
                throw .outOfRange(type: type, value: String(number))
            }
            return order.registers(fromBigEndian: bytes(of: UInt64(Float(number).bitPattern), count: 4))
        case .float64:
            return order.registers(fromBigEndian: bytes(of: try finite(value, type).bitPattern, count: 8))
        case .string(let count):
            guard case .string(let text) = value else { throw .kindMismatch(type: type, value: value.description) }
            guard order == .abcd || order == .badc else { throw .unsupportedWordOrder(type: type, order: order) }
            var utf8 = Array(text.utf8)
            guard utf8.count <= count * 2 else { throw .stringTooLong(maxBytes: count * 2, got: utf8.count) }
            utf8.append(contentsOf: repeatElement(0, count: count * 2 - utf8.count))
            return order.registers(fromBigEndian: utf8)
        }
    }

    /// Decodes `registers` (exactly ``ValueType/registerCount`` of them) as `type` in `order`.
    ///
    /// Strings lose their trailing NULs. Floats that are NaN or infinite throw
    /// ``CodecError/notFinite(type:)`` rather than pass through as numbers.
    public static func decode<C: Collection<UInt16>>(
        _ registers: C, as type: ValueType, order: WordOrder = .abcd
    ) throws(CodecError) -> ModbusValue {
        guard registers.count == type.registerCount else {
            throw .wrongRegisterCount(type: type, expected: type.registerCount, got: registers.count)
        }
        let first = registers[registers.startIndex]
        switch type {
        case .bool: return .bool(first != 0)
        case .bitfield16: return .bits(first)
        case .int16: return .int(Int64(Int16(bitPattern: first)))
        case .uint16: return .uint(UInt64(first))
        case .int32: return .int(Int64(Int32(bitPattern: UInt32(word(registers, order)))))
        case .uint32: return .uint(word(registers, order))
        case .int64: return .int(Int64(bitPattern: word(registers, order)))
        case .uint64: return .uint(word(registers, order))
        case .float32:
            let number = Float(bitPattern: UInt32(word(registers, order)))
            guard number.isFinite else { throw .notFinite(type: type) }
            return .double(Double(number))
        case .float64:
            let number = Double(bitPattern: word(registers, order))
            guard number.isFinite else { throw .notFinite(type: type) }
            return .double(number)
        case .string:
            guard order == .abcd || order == .badc else { throw .unsupportedWordOrder(type: type, order: order) }
            var utf8 = order.bigEndianBytes(from: registers)
            while utf8.last == 0 { utf8.removeLast() }
            guard let text = String(validating: utf8, as: UTF8.self) else { throw .invalidText }
            return .string(text)
        }
    }

    /// The names of the set bits of a `bitfield16`, in bit order; unnamed set bits appear as `bitN`.
    public static func setBitNames(_ raw: UInt16, names: [Int: String]) -> [String] {
        (0..<16).filter { raw & (1 << $0) != 0 }.map { names[$0] ?? "bit\($0)" }
    }

    // MARK: - Helpers

    private static func bytes(of value: UInt64, count: Int) -> [UInt8] {
        (0..<count).reversed().map { UInt8(truncatingIfNeeded: value >> (8 * UInt64($0))) }
    }

    private static func word<C: Collection<UInt16>>(_ registers: C, _ order: WordOrder) -> UInt64 {
        order.bigEndianBytes(from: registers).reduce(0) { $0 << 8 | UInt64($1) }
    }

    private static func boolValue(_ value: ModbusValue, _ type: ValueType) throws(CodecError) -> Bool {
        switch value {
        case .bool(let flag): return flag
        case .int(0), .uint(0), .double(0): return false
        case .int(1), .uint(1), .double(1): return true
        default: throw .kindMismatch(type: type, value: value.description)
        }
    }

    private static func integer(
        _ value: ModbusValue, _ type: ValueType, in range: ClosedRange<Int64>
    ) throws(CodecError) -> Int64 {
        let number: Int64
        switch value {
        case .int(let signed): number = signed
        case .uint(let unsigned):
            guard let fitted = Int64(exactly: unsigned) else { throw .outOfRange(type: type, value: value.description) }
            number = fitted
        case .double(let real):
            guard real.isFinite else { throw .notFinite(type: type) }
            guard let fitted = Int64(exactly: real) else { throw .outOfRange(type: type, value: value.description) }
            number = fitted
        case .bits(let raw): number = Int64(raw)
        case .bool, .string: throw .kindMismatch(type: type, value: value.description)
        }
        guard range.contains(number) else { throw .outOfRange(type: type, value: value.description) }
        return number
    }

    private static func unsigned64(_ value: ModbusValue, _ type: ValueType) throws(CodecError) -> UInt64 {
        switch value {
        case .uint(let unsigned): return unsigned
        case .int(let signed):
            guard let fitted = UInt64(exactly: signed) else { throw .outOfRange(type: type, value: value.description) }
            return fitted
        case .double(let real):
            guard real.isFinite else { throw .notFinite(type: type) }
            guard let fitted = UInt64(exactly: real) else { throw .outOfRange(type: type, value: value.description) }
            return fitted
        case .bits(let raw): return UInt64(raw)
        case .bool, .string: throw .kindMismatch(type: type, value: value.description)
        }
    }

    private static func finite(_ value: ModbusValue, _ type: ValueType) throws(CodecError) -> Double {
        guard let number = value.numericValue, !isBoolOrBits(value) else {
            throw .kindMismatch(type: type, value: value.description)
        }
        guard number.isFinite else { throw .notFinite(type: type) }
        return number
    }

    private static func isBoolOrBits(_ value: ModbusValue) -> Bool {
        switch value {
        case .bool, .bits: true
        default: false
        }
    }
}
