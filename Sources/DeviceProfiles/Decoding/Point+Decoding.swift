public import Modbus

extension Point {
    /// Decodes this point's registers (exactly ``count`` of them) into a reading, applying the
    /// sentinels, scale, offset and valid range.
    public func reading<C: Collection<UInt16>>(registers: C) -> PointReading {
        let raw: ModbusValue
        do {
            raw = try ValueCodec.decode(registers, as: type, order: wordOrder)
        } catch .notFinite {
            return .unavailable(raw: Array(registers))
        } catch {
            return .undecodable(error)
        }
        if isSentinel(raw) { return .unavailable(raw: Array(registers)) }
        let value = engineering(raw)
        if let valid, let number = value.numericValue, !valid.contains(number) {
            return .outOfRange(value, valid: valid)
        }
        return .value(value)
    }

    /// The reading of a coil or discrete input.
    public func reading(bit: Bool) -> PointReading { .value(.bool(bit)) }

    /// Encodes an engineering value (before scale and offset are undone) into this point's
    /// registers: what a write sends, and what a simulator serves. Integer types round to the
    /// nearest raw step.
    public func registers(for value: ModbusValue) throws(CodecError) -> [UInt16] {
        guard type.isNumeric, scale != 1 || offset != 0, let number = value.numericValue else {
            return try ValueCodec.encode(value, as: type, order: wordOrder)
        }
        let raw = (number - offset) / scale
        switch type {
        case .float32, .float64:
            return try ValueCodec.encode(.double(raw), as: type, order: wordOrder)
        default:
            return try ValueCodec.encode(.double(raw.rounded()), as: type, order: wordOrder)
        }
    }

    private func isSentinel(_ raw: ModbusValue) -> Bool {
        guard !unavailable.isEmpty else { return false }
        let width = type.registerCount * 16
        let mask: UInt64 = width >= 64 ? .max : (1 << UInt64(width)) - 1
        let pattern: Sentinel? =
            switch raw {
            case .int(let number): .bits(UInt64(bitPattern: number) & mask)
            case .uint(let number): .bits(number & mask)
            case .bits(let flags): .bits(UInt64(flags))
            case .double(let number): .number(number)
            case .bool, .string: nil
            }
        return pattern.map(unavailable.contains) ?? false
    }

    private func engineering(_ raw: ModbusValue) -> ModbusValue {
        guard type.isNumeric, scale != 1 || offset != 0, let number = raw.numericValue else { return raw }
        return .double(number * scale + offset)
    }
}
