public import Modbus

/// One field bus as the station file describes it: a Modbus/TCP endpoint shared by every unit id behind
/// it, or an RS-485 line. Each bus gets its own worker thread and its own request queue.
public struct BusSpec: Sendable, Hashable {
    /// Where a bus's devices are reached.
    public enum Endpoint: Sendable, Hashable, CustomStringConvertible {
        /// A Modbus/TCP endpoint; one connection serves every unit id behind it.
        case tcp(host: String, port: Int)
        /// An RS-485 line; the port is looked up each time the bus opens, so a replugged adapter is found again.
        case rtu(PortSelector, SerialLine)

        public var description: String {
            switch self {
            case .tcp(let host, let port): ModbusEndpoint.tcp(host: host, port: port).description
            case .rtu(let selector, let line): "\(selector) \(line)"
            }
        }
    }

    /// Unique among the station's buses, e.g. `rs485-a`.
    public var id: String
    /// Where the devices are.
    public var endpoint: Endpoint
    /// A pause the bus keeps between any two transactions, on top of each device's own `inter_request_ms`.
    public var interRequestMs: Int?

    public init(id: String, endpoint: Endpoint, interRequestMs: Int? = nil) {
        self.id = id
        self.endpoint = endpoint
        self.interRequestMs = interRequestMs
    }
}
