/// The type of a value held in one or more Modbus registers (or in one bit).
///
/// `string` counts its length in **registers**, as the register map and the read request do: each
/// register holds two bytes, so `string(registers: 10)` holds up to 20 bytes of UTF-8.
public enum ValueType: Sendable, Hashable, CustomStringConvertible {
    /// One bit of a coil or discrete input, or a register read as zero / non-zero.
    case bool
    case int16
    case uint16
    case int32
    case uint32
    case int64
    case uint64
    /// IEEE 754 single precision in two registers.
    case float32
    /// IEEE 754 double precision in four registers.
    case float64
    /// Bytes of UTF-8 text, `registers` × 2 bytes, padded with NULs at the end.
    case string(registers: Int)
    /// Sixteen flags in one register; bit 0 is the least significant.
    case bitfield16

    /// The type names used in device profiles, without `string`'s length.
    public static let profileNames = [
        "bool", "int16", "uint16", "int32", "uint32", "int64", "uint64",
        "float32", "float64", "string", "bitfield16",
    ]

    /// Creates a type from its profile name; `string` needs `length` (in registers).
    ///
    /// Returns `nil` for an unknown name, or for `string` without a positive length.
    public init?(profileName: String, length: Int? = nil) {
        switch profileName {
        case "bool": self = .bool
        case "int16": self = .int16
        case "uint16": self = .uint16
        case "int32": self = .int32
        case "uint32": self = .uint32
        case "int64": self = .int64
        case "uint64": self = .uint64
        case "float32": self = .float32
        case "float64": self = .float64
        case "bitfield16": self = .bitfield16
        case "string":
            guard let length, length > 0 else { return nil }
            self = .string(registers: length)
        default: return nil
        }
    }

    /// How many registers the value occupies (1 for `bool`, also in the bit tables).
    public var registerCount: Int {
        switch self {
        case .bool, .int16, .uint16, .bitfield16: 1
        case .int32, .uint32, .float32: 2
        case .int64, .uint64, .float64: 4
        case .string(let registers): registers
        }
    }

    /// Whether the layout of the value depends on a ``WordOrder`` (types wider than one register).
    public var needsWordOrder: Bool {
        switch self {
        case .int32, .uint32, .int64, .uint64, .float32, .float64: true
        default: false
        }
    }

    /// Whether the value is a number that `scale` and `offset` may apply to.
    public var isNumeric: Bool {
        switch self {
        case .int16, .uint16, .int32, .uint32, .int64, .uint64, .float32, .float64: true
        default: false
        }
    }

    /// The profile name, e.g. `int16` or `string(10)`.
    public var description: String {
        switch self {
        case .bool: "bool"
        case .int16: "int16"
        case .uint16: "uint16"
        case .int32: "int32"
        case .uint32: "uint32"
        case .int64: "int64"
        case .uint64: "uint64"
        case .float32: "float32"
        case .float64: "float64"
        case .string(let registers): "string(\(registers))"
        case .bitfield16: "bitfield16"
        }
    }
}
