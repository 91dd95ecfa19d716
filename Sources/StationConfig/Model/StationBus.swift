public import DeviceProfiles

/// One field bus: an RS-485 line behind a serial adapter, or a Modbus/TCP endpoint (one connection
/// shared by every unit id behind it).
public struct StationBus: Sendable, Hashable {
    /// How the bus is reached.
    public enum Link: Sendable, Hashable {
        /// Modbus RTU: the adapter and the line settings every device on it must use.
        case rtu(port: SerialPortSelector, line: SerialSettings)
        /// Modbus/TCP: a host (IPv4, IPv6 or name) and port.
        case tcp(host: String, port: Int)
    }

    /// Unique among buses.
    public var id: String
    /// The adapter or endpoint.
    public var link: Link
    /// Where the bus is written.
    public var location: SourceLocation

    public init(id: String, link: Link, location: SourceLocation = .unknown) {
        self.id = id
        self.link = link
        self.location = location
    }

    /// The transport a device profile must offer to sit on this bus.
    public var transport: Transport {
        switch link {
        case .rtu: .rtu
        case .tcp: .tcp
        }
    }
}
