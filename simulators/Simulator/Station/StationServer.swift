public import DeviceProfiles
import Foundation
public import Modbus
public import StationConfig

/// Serves every bus of a station file as the daemon will find it: a TCP bus at its host and port, an RTU
/// bus on a new pseudo-terminal with a symlink at the port path the station file names (the folder is made
/// if missing; the link is removed by ``stop()``).
public final class StationServer: Sendable {
    /// One served bus.
    public struct Endpoint: Sendable {
        /// The station bus's id.
        public let bus: String
        /// `host:port` for TCP; the terminal's path for RTU.
        public let address: String
        /// For RTU: the link at the station file's port path.
        public let link: String?
        /// For RTU with wire timing: the line whose wire time each reply takes.
        public let wire: SerialLine?
        /// `unit:device-id` for each device, by unit.
        public let devices: [String]
        let stopServer: @Sendable () -> Void

        /// `ready tcp HOST:PORT bus=ID devices=U:ID,…` or
        /// `ready rtu /dev/pts/N link=PATH bus=ID devices=U:ID,… [wire=LINE]`.
        public var readyLine: String {
            let devices = " bus=\(bus) devices=\(self.devices.joined(separator: ","))"
            guard let link else { return "ready tcp \(address)" + devices }
            return "ready rtu \(address) link=\(link)" + devices + (wire.map { " wire=\($0)" } ?? "")
        }
    }

    public let simulation: SimulatedStation
    /// The served buses, in the station file's order.
    public let endpoints: [Endpoint]

    /// Creates the station's devices and serves every bus.
    ///
    /// - Parameter wire: Delay each RTU reply by its wire time at that bus's line settings (a pty ignores
    ///   the baud rate), so the daemon meets the line's real capacity.
    public init(station: Station, profiles: ProfileLibrary, wire: Bool = false, seed: UInt64 = 1) throws(SimulatorError) {
        for bus in station.buses {
            if case .rtu(.match(let vendor, let model, let serial), _) = bus.link {
                let match = SerialPortSelector.match(vendorID: vendor, modelID: model, serial: serial)
                throw .invalid(
                    "bus \(bus.id) names its adapter by a udev match (\(match)); a simulator makes a pseudo-terminal "
                        + "and can only link it at a path: give the bus an rtu port path")
            }
        }
        let simulation = try SimulatedStation(station: station, profiles: profiles, seed: seed)
        var endpoints: [Endpoint] = []
        do {
            for bus in station.buses {
                guard let behavior = simulation.buses[bus.id] else { continue }
                let devices = station.devices(onBus: bus.id).sorted { $0.unit < $1.unit }.map { "\($0.unit):\($0.id)" }
                endpoints.append(try Self.serve(bus, behavior: behavior, devices: devices, wire: wire))
            }
        } catch {
            for endpoint in endpoints { endpoint.stopServer() }
            simulation.stop()
            throw error
        }
        self.simulation = simulation
        self.endpoints = endpoints
    }

    /// `ready station ID buses=N devices=M[ control=PATH]`.
    public func readyLine(control: String?) -> String {
        "ready station \(simulation.station.id) buses=\(endpoints.count) devices=\(simulation.station.devices.count)"
            + (control.map { " control=\($0)" } ?? "")
    }

    /// Stops serving, removes the links and stops the devices. The buses stop side by side: each server
    /// thread notices within its poll interval.
    public func stop() {
        let stopped = DispatchGroup()
        for endpoint in endpoints { DispatchQueue.global().async(group: stopped) { endpoint.stopServer() } }
        stopped.wait()
        simulation.stop()
    }

    private static func serve(
        _ bus: StationBus, behavior: SimulatedBus, devices: [String], wire: Bool
    ) throws(SimulatorError) -> Endpoint {
        switch bus.link {
        case .tcp(let host, let port):
            let server: ModbusTCPServer
            do {
                server = try ModbusTCPServer(host: host, port: port, behavior: behavior)
            } catch {
                throw .invalid("bus \(bus.id): \(error)")
            }
            let address = "\(host.contains(":") ? "[\(host)]" : host):\(server.port)"
            return Endpoint(bus: bus.id, address: address, link: nil, wire: nil, devices: devices, stopServer: server.stop)
        case .rtu(.match, _):
            throw .invalid("bus \(bus.id): a udev match cannot be simulated")
        case .rtu(.path(let path), let settings):
            var line: SerialLine?
            let server: ModbusRTUServer
            do {
                if wire {
                    line = try SerialLine(
                        baud: settings.baud, parity: SerialLine.Parity(rawValue: settings.parity.rawValue) ?? .none,
                        dataBits: settings.dataBits, stopBits: settings.stopBits)
                }
                server = try ModbusRTUServer(behavior: behavior, wire: line)
            } catch {
                throw .invalid("bus \(bus.id): \(error)")
            }
            let terminal = server.terminal.path
            do {
                try PortLink.make(at: path, to: terminal)
            } catch {
                server.stop()
                throw .invalid("bus \(bus.id): \(error)")
            }
            return Endpoint(bus: bus.id, address: terminal, link: path, wire: line, devices: devices) {
                server.stop()
                PortLink.remove(at: path, ifTo: terminal)
            }
        }
    }
}
