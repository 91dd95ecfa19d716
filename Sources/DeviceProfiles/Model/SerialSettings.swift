import Modbus

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
    public static var supportedBauds: [Int] { SerialLine.supportedBauds }

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
