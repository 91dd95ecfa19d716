/// Modbus RTU request framing for the server side.
///
/// libmodbus's RTU server serves exactly one unit id per line and, after a request for another unit,
/// swallows the next frame. Simulating a bus with several devices therefore frames requests here: the
/// length follows from the function code, and the CRC decides whether the frame is whole.
public enum RTUFrame {
    /// The full length of the request that starts with `prefix`, or nil when more bytes are needed to
    /// know it. Returns 0 for a function code no standard request uses (the caller discards the input).
    public static func requestLength(_ prefix: ArraySlice<UInt8>) -> Int? {
        guard prefix.count >= 2 else { return nil }
        let base = prefix.startIndex
        switch prefix[base + 1] {
        case 1, 2, 3, 4, 5, 6: return 8
        case 7, 11, 12, 17: return 4
        case 15, 16:
            guard prefix.count >= 7 else { return nil }
            return 9 + Int(prefix[base + 6])
        case 22: return 10
        case 23:
            guard prefix.count >= 11 else { return nil }
            return 13 + Int(prefix[base + 10])
        default: return 0
        }
    }

    /// CRC-16/MODBUS (poly 0xA001 reflected, init 0xFFFF), sent low byte first.
    public static func crc16<C: Collection<UInt8>>(_ bytes: C) -> UInt16 {
        var crc: UInt16 = 0xFFFF
        for byte in bytes {
            crc ^= UInt16(byte)
            for _ in 0..<8 { crc = crc & 1 != 0 ? (crc >> 1) ^ 0xA001 : crc >> 1 }
        }
        return crc
    }

    /// Whether a complete frame's last two bytes are the CRC of the rest.
    public static func hasValidCRC(_ frame: ArraySlice<UInt8>) -> Bool {
        guard frame.count >= 4 else { return false }
        let end = frame.endIndex
        let crc = crc16(frame[frame.startIndex..<end - 2])
        return frame[end - 2] == UInt8(crc & 0xFF) && frame[end - 1] == UInt8(crc >> 8)
    }
}
