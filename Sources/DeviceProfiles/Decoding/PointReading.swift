public import Modbus

/// What one poll says about one point. Unavailable and out-of-range readings are their own cases,
/// never numbers that look real.
public enum PointReading: Sendable, Hashable {
    /// The engineering value: `bool`; a `double` after scale/offset (integers stay `int`/`uint`
    /// when scale is 1 and offset 0); `string`; `bits` for a bitfield.
    case value(ModbusValue)
    /// The raw registers hold one of the point's `unavailable` sentinels, or a NaN/infinite float.
    case unavailable(raw: [UInt16])
    /// The engineering value lies outside the point's `valid` range.
    case outOfRange(ModbusValue, valid: ValidRange)
    /// The registers cannot be decoded as the point's type (e.g. text that is not UTF-8).
    case undecodable(CodecError)

    /// The engineering value, only when the reading is good.
    public var value: ModbusValue? {
        if case .value(let value) = self { return value }
        return nil
    }
}
