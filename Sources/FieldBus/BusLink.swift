import Glibc
import Modbus

/// The bus thread's link to its devices: one ``Modbus/ModbusConnection`` per bus (so every unit id behind
/// a TCP endpoint shares one connection), reopened after errors by the connection itself.
///
/// A serial adapter named by port or identity is looked up again after the link is lost, so an adapter
/// unplugged and plugged back under a new /dev/ttyUSBn is found and reopened. Lookups back off like
/// reconnects. Confined to the bus thread.
final class BusLink {
    let spec: BusSpec
    private let delayAfterConnectMs: Int
    private let ports: () -> [SerialPort]
    private var connection: ModbusConnection?
    private var needsLookup = true
    private var lookupBackoff = ReconnectBackoff(initialMilliseconds: 250, maximumMilliseconds: 5000)
    private var nextLookup: ContinuousClock.Instant?

    init(spec: BusSpec, delayAfterConnectMs: Int, ports: @escaping () -> [SerialPort] = SerialPortDiscovery.ports) {
        self.spec = spec
        self.delayAfterConnectMs = delayAfterConnectMs
        self.ports = ports
    }

    /// Performs one transaction with the device at `unit`, opening the link first if it is down. Returns the
    /// reply and the transaction's round trip, which leaves out connecting and the delay after connect.
    func perform(
        _ request: ModbusRequest, unit: Int, timeouts: ModbusTimeouts
    ) throws(ModbusError) -> (response: ModbusResponse, roundTrip: Duration) {
        let connection = try current()
        do {
            try connection.connectIfNeeded(timeouts: timeouts)
            let started = ContinuousClock.now
            let response = try connection.perform(request, unit: unit, timeouts: timeouts)
            return (response, started.duration(to: .now))
        } catch {
            if case .rtu(let selector, _) = spec.endpoint, selector.path == nil, error.recovery == .reconnect,
                !isWaiting(error)
            {
                needsLookup = true
            }
            throw error
        }
    }

    /// Closes the link (the bus is stopping).
    func close() { connection?.close() }

    private func isWaiting(_ error: ModbusError) -> Bool {
        if case .notConnected = error { true } else { false }
    }

    private func current() throws(ModbusError) -> ModbusConnection {
        if let connection, !needsLookup { return connection }
        let now = ContinuousClock.now
        if let due = nextLookup, now < due {
            if let connection { return connection }
            throw .notConnected(retryInMilliseconds: Self.milliseconds(now.duration(to: due)))
        }
        let endpoint: ModbusEndpoint
        switch spec.endpoint {
        case .tcp(let host, let port):
            endpoint = .tcp(host: host, port: port)
        case .rtu(let selector, let line):
            let needsUdev = selector.path == nil
            switch selector.resolve(among: needsUdev ? ports() : []) {
            case .success(let path):
                endpoint = .rtu(path: path, line: line)
            case .failure(let why):
                nextLookup = now.advanced(by: .milliseconds(lookupBackoff.failed()))
                throw .connectFailed(errno: ENODEV, detail: "bus \(spec.id): \(why)")
            }
        }
        needsLookup = false
        nextLookup = nil
        lookupBackoff.succeeded()
        if let connection, connection.endpoint == endpoint { return connection }
        let fresh = try ModbusConnection(
            endpoint: endpoint, backoff: connection?.backoff ?? ReconnectBackoff(),
            delayAfterConnectMilliseconds: delayAfterConnectMs)
        connection?.close()
        connection = fresh
        return fresh
    }

    static func milliseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
    }
}
