public import Modbus

/// A legacy 1-based Modbus reference such as 40001 (holding register 0) or 30004 (input
/// register 3), as printed in many vendor manuals. Profiles write these as `ref:`.
public struct LegacyReference: Sendable, Hashable {
    /// The table the reference's first digit names.
    public let table: ModbusTable
    /// The 0-based PDU address.
    public let address: Int

    /// Reads a 5-digit (`40001`) or 6-digit (`400001`) reference. `digits` is the number of digits
    /// written, so `00001` (coil 0) and `000001` keep their leading zeros.
    public init?(_ value: Int, digits: Int) {
        let base: Int
        switch digits {
        case 5: base = 10_000
        case 6: base = 100_000
        default: return nil
        }
        let offset = value % base
        guard value >= 0, offset >= 1, offset - 1 <= (digits == 5 ? 9998 : 65535) else { return nil }
        switch value / base {
        case 0: table = .coil
        case 1: table = .discreteInput
        case 3: table = .inputRegister
        case 4: table = .holdingRegister
        default: return nil
        }
        address = offset - 1
    }

    /// Whether a decimal `address:` text looks like a legacy reference rather than a PDU address.
    static func looksLegacy(_ text: String) -> LegacyReference? {
        let digits = text.filter { $0 != "_" }
        guard digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber), let value = Int(digits) else { return nil }
        if digits.count == 5, value < 10_000, !digits.hasPrefix("0") { return nil }
        return LegacyReference(value, digits: digits.count)
    }
}
