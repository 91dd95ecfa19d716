/// Where a Modbus master finds its devices: a TCP endpoint (shared by every unit id behind it) or a serial line.
public enum ModbusEndpoint: Sendable, Hashable, CustomStringConvertible {
    case tcp(host: String, port: Int)
    case rtu(path: String, line: SerialLine)

    public var description: String {
        switch self {
        case .tcp(let host, let port): host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
        case .rtu(let path, let line): "\(path) \(line)"
        }
    }

    /// Parses `HOST:PORT` or `[IPV6]:PORT`.
    public static func parseTCP(_ text: String) throws(ModbusError) -> ModbusEndpoint {
        var host = Substring(text)
        var portText: Substring
        if host.hasPrefix("[") {
            guard let close = host.firstIndex(of: "]"), host[close...].hasPrefix("]:") else {
                throw .invalidRequest("expected [IPV6]:PORT, got '\(text)'")
            }
            portText = host[host.index(close, offsetBy: 2)...]
            host = host[host.index(after: host.startIndex)..<close]
        } else {
            guard let colon = host.lastIndex(of: ":") else { throw .invalidRequest("expected HOST:PORT, got '\(text)'") }
            portText = host[host.index(after: colon)...]
            host = host[..<colon]
        }
        guard let port = Int(portText), (0...65535).contains(port), !host.isEmpty else {
            throw .invalidRequest("expected HOST:PORT with a port 0–65535, got '\(text)'")
        }
        return .tcp(host: String(host), port: port)
    }
}

/// Serial line settings. libmodbus silently falls back to 9600 baud on an unknown rate, so the rate is
/// checked here against the rates the Linux termios interface supports.
public struct SerialLine: Sendable, Hashable, CustomStringConvertible {
    public var baud: Int
    public var parity: Parity
    public var dataBits: Int
    public var stopBits: Int

    public enum Parity: String, Sendable, Hashable, CaseIterable {
        case none = "N", even = "E", odd = "O"
    }

    /// The baud rates libmodbus maps to termios speeds on Linux.
    public static let supportedBauds: [Int] = [
        110, 300, 600, 1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200, 230400, 460800, 500000,
        576000, 921600, 1_000_000, 1_152_000, 1_500_000, 2_000_000, 2_500_000, 3_000_000, 3_500_000, 4_000_000,
    ]

    public init(baud: Int = 9600, parity: Parity = .none, dataBits: Int = 8, stopBits: Int = 1) throws(ModbusError) {
        guard SerialLine.supportedBauds.contains(baud) else {
            throw .invalidRequest("baud \(baud) is not a supported rate (libmodbus would silently use 9600)")
        }
        guard (5...8).contains(dataBits) else { throw .invalidRequest("data bits must be 5–8, got \(dataBits)") }
        guard stopBits == 1 || stopBits == 2 else { throw .invalidRequest("stop bits must be 1 or 2, got \(stopBits)") }
        self.baud = baud
        self.parity = parity
        self.dataBits = dataBits
        self.stopBits = stopBits
    }

    /// Parses the usual shorthand, `9600-8E1` or `19200-8N2`.
    public init(shorthand text: String) throws(ModbusError) {
        let parts = text.split(separator: "-")
        guard parts.count == 2, let baud = Int(parts[0]), parts[1].count == 3 else {
            throw .invalidRequest("expected a line like 9600-8E1, got '\(text)'")
        }
        let format = Array(parts[1])
        guard let data = Int(String(format[0])), let parity = Parity(rawValue: String(format[1]).uppercased()),
            let stop = Int(String(format[2]))
        else { throw .invalidRequest("expected a line like 9600-8E1, got '\(text)'") }
        try self.init(baud: baud, parity: parity, dataBits: data, stopBits: stop)
    }

    public var description: String { "\(baud)-\(dataBits)\(parity.rawValue)\(stopBits)" }

    /// Bits on the wire per character: start + data + parity + stop.
    public var bitsPerCharacter: Int { 1 + dataBits + (parity == .none ? 0 : 1) + stopBits }

    /// Time of one character on the wire, in microseconds.
    public var characterMicroseconds: Double { Double(bitsPerCharacter) * 1_000_000 / Double(baud) }

    /// The inter-frame silence t3.5: 3.5 characters up to 19200 baud, fixed 1750 µs above.
    public var frameSilenceMicroseconds: Double { baud > 19200 ? 1750 : 3.5 * characterMicroseconds }

    /// Wire time of one request/reply cycle with `requestBytes` out and `replyBytes` back (no device time).
    public func cycleMicroseconds(requestBytes: Int, replyBytes: Int) -> Double {
        Double(requestBytes + replyBytes) * characterMicroseconds + 2 * frameSilenceMicroseconds
    }
}
