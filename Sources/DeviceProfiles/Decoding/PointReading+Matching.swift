public import Modbus

extension PointReading {
    /// Whether a good reading equals `expected` as written in a profile (`verify.expect`,
    /// `trigger.equals`): bools as bools, numbers by value whatever their kind (`.uint(32)` matches
    /// `32`), text as text. Unavailable, out-of-range and undecodable readings never match.
    public func matches(_ expected: ModbusValue) -> Bool {
        guard let value else { return false }
        switch (value, expected) {
        case (.bool(let left), .bool(let right)): return left == right
        case (.string(let left), .string(let right)): return left == right
        case (.bool, _), (_, .bool), (.string, _), (_, .string): return false
        default:
            guard let left = value.numericValue, let right = expected.numericValue else { return false }
            return abs(left - right) <= 1e-9 * max(1, abs(left), abs(right))
        }
    }
}
