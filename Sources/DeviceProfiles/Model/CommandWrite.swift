/// The Modbus write a command sends.
public struct CommandWrite: Sendable, Hashable {
    /// 5 (one coil), 15 (coils), 6 (one register) or 16 (registers).
    public var functionCode: UInt8
    /// The 16-bit values: for FC5 `0xFF00`/`0x0000`, or a vendor value with `raw`.
    public var values: [UInt16]
    /// The value is non-standard (e.g. Waveshare's FC5 `0x5500` toggle or flash time) and must be
    /// sent as a raw request, because libmodbus's `write_bit` only sends on or off.
    public var raw: Bool

    public init(functionCode: UInt8, values: [UInt16], raw: Bool = false) {
        self.functionCode = functionCode
        self.values = values
        self.raw = raw
    }
}
