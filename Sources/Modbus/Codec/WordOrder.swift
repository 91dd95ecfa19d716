/// How a value wider than one register is laid out across registers.
///
/// Letters name the bytes of a 32-bit value from most to least significant (A = most significant),
/// in the order they appear on the wire, two per register.
///
/// | order | 32-bit registers | 64-bit registers (bytes 0…7, 0 most significant) |
/// |---|---|---|
/// | `ABCD` | `[AB, CD]` big-endian | `[01, 23, 45, 67]` |
/// | `BADC` | `[BA, DC]` bytes swapped in each word | `[10, 32, 54, 76]` |
/// | `CDAB` | `[CD, AB]` words swapped | `[67, 45, 23, 01]` |
/// | `DCBA` | `[DC, BA]` fully reversed | `[76, 54, 32, 10]` |
///
/// The 64-bit forms extend the same two rules: "bytes swapped in each word" (`BADC`, `DCBA`) and
/// "word order reversed" (`CDAB`, `DCBA`). For strings, only the byte rule applies: `BADC` puts the
/// first character in the low byte of each register.
public enum WordOrder: String, Sendable, Hashable, Codable, CaseIterable {
    case abcd = "ABCD"
    case badc = "BADC"
    case cdab = "CDAB"
    case dcba = "DCBA"

    /// Whether the two bytes inside each register are swapped.
    public var swapsBytes: Bool { self == .badc || self == .dcba }

    /// Whether the registers come least significant first.
    public var reversesWords: Bool { self == .cdab || self == .dcba }

    /// Lays big-endian value bytes (most significant first, even count) out as registers.
    func registers(fromBigEndian bytes: [UInt8]) -> [UInt16] {
        var words: [UInt16] = []
        words.reserveCapacity(bytes.count / 2)
        var index = 0
        while index + 1 < bytes.count {
            let high = UInt16(bytes[index]), low = UInt16(bytes[index + 1])
            words.append(swapsBytes ? (low << 8 | high) : (high << 8 | low))
            index += 2
        }
        return reversesWords ? words.reversed() : words
    }

    /// Reassembles big-endian value bytes (most significant first) from registers in this order.
    func bigEndianBytes<C: Collection<UInt16>>(from registers: C) -> [UInt8] {
        let words: [UInt16] = reversesWords ? registers.reversed() : Array(registers)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(words.count * 2)
        for word in words {
            let high = UInt8(word >> 8), low = UInt8(word & 0xFF)
            if swapsBytes {
                bytes.append(low)
                bytes.append(high)
            } else {
                bytes.append(high)
                bytes.append(low)
            }
        }
        return bytes
    }
}
