/// A decoded value, before any profile scaling.
///
/// Signed integers decode to ``int(_:)``, unsigned ones to ``uint(_:)``; floating-point types to
/// ``double(_:)``. A `bitfield16` keeps its raw 16 bits in ``bits(_:)``.
public enum ModbusValue: Sendable, Hashable, CustomStringConvertible {
    case bool(Bool)
    case int(Int64)
    case uint(UInt64)
    case double(Double)
    case string(String)
    case bits(UInt16)

    /// The value as a number, if it is one (`bool` is 0 or 1; strings have none).
    public var numericValue: Double? {
        switch self {
        case .bool(let flag): flag ? 1 : 0
        case .int(let number): Double(number)
        case .uint(let number): Double(number)
        case .double(let number): number
        case .bits(let raw): Double(raw)
        case .string: nil
        }
    }

    /// A plain rendering for logs and the CLI: `true`, `-205`, `123456.0`, `"ABC"`, `0b…`.
    public var description: String {
        switch self {
        case .bool(let flag): String(flag)
        case .int(let number): String(number)
        case .uint(let number): String(number)
        case .double(let number): String(number)
        case .string(let text): "\"\(text)\""
        case .bits(let raw):
            "0b" + String(repeating: "0", count: raw.leadingZeroBitCount) + (raw == 0 ? "" : String(raw, radix: 2))
        }
    }
}
