public import Modbus

/// One value a device exposes: where it lives, how to decode it, and what it means.
public struct Point: Sendable, Hashable {
    /// Unique within the profile; `[a-z0-9_]`.
    public var name: String
    /// The table the point lives in.
    public var table: ModbusTable
    /// The 0-based PDU address of the first register or bit.
    public var address: Int
    /// How the raw registers decode.
    public var type: ValueType
    /// Layout of 32/64-bit values (and byte order of strings); `ABCD` when the type has none.
    public var wordOrder: WordOrder
    /// Engineering value = raw × `scale` + `offset`.
    public var scale: Double
    /// Added after scaling.
    public var offset: Double
    /// UCUM-like unit: `degC`, `%RH`, `ppm`, `s`.
    public var unit: String?
    /// Read, write, or both; write-only points are never polled.
    public var access: PointAccess
    /// Engineering values outside this range are reported as such, not as numbers.
    public var valid: ValidRange?
    /// Raw values that mean "no reading".
    public var unavailable: [Sentinel]
    /// Poll interval for this point; `nil` takes the profile's `poll.interval_ms`.
    public var intervalMs: Int?
    /// Names of the flags of a `bitfield16`, by bit number (0 = least significant).
    public var bits: [Int: String]
    /// Whether the point may overlap another one on purpose (a second view of the same registers).
    public var alias: Bool
    /// The legacy reference (e.g. 40001) the address was given as, if any.
    public var reference: Int?
    /// The `description` text, if any.
    public var summary: String?
    /// Where the point is written.
    public var location: SourceLocation

    public init(
        name: String, table: ModbusTable, address: Int, type: ValueType, wordOrder: WordOrder = .abcd,
        scale: Double = 1, offset: Double = 0, unit: String? = nil, access: PointAccess = .read,
        valid: ValidRange? = nil, unavailable: [Sentinel] = [], intervalMs: Int? = nil, bits: [Int: String] = [:],
        alias: Bool = false, reference: Int? = nil, summary: String? = nil, location: SourceLocation = .unknown
    ) {
        self.name = name
        self.table = table
        self.address = address
        self.type = type
        self.wordOrder = wordOrder
        self.scale = scale
        self.offset = offset
        self.unit = unit
        self.access = access
        self.valid = valid
        self.unavailable = unavailable
        self.intervalMs = intervalMs
        self.bits = bits
        self.alias = alias
        self.reference = reference
        self.summary = summary
        self.location = location
    }

    /// Registers (or bits) the point occupies.
    public var count: Int { table.isBits ? 1 : type.registerCount }

    /// The addresses the point occupies.
    public var addresses: ClosedRange<Int> { address...(address + count - 1) }
}
