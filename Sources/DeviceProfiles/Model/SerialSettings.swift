/// The serial line a device model ships with; the station file may override it per bus.
public struct SerialSettings: Sendable, Hashable {
    /// Parity as libmodbus names it.
    public enum Parity: String, Sendable, Hashable, CaseIterable {
        case none = "N"
        case even = "E"
        case odd = "O"
    }

    /// Baud rates libmodbus 3.1.6 accepts; any other silently becomes 9600, so profiles may use
    /// only these (14400, offered by some sensors, is not among them).
    public static let supportedBauds: [Int] = [
        110, 300, 600, 1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200, 230400, 460800,
        500000, 576000, 921600, 1_000_000, 1_152_000, 1_500_000, 2_000_000, 2_500_000, 3_000_000,
        3_500_000, 4_000_000,
    ]

    /// One of ``supportedBauds``.
    public var baud: Int
    /// N, E or O.
    public var parity: Parity
    /// 5 to 8.
    public var dataBits: Int
    /// 1 or 2.
    public var stopBits: Int

    public init(baud: Int = 9600, parity: Parity = .none, dataBits: Int = 8, stopBits: Int = 1) {
        self.baud = baud
        self.parity = parity
        self.dataBits = dataBits
        self.stopBits = stopBits
    }
}
