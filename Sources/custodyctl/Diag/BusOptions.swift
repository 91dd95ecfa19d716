import ArgumentParser
import Foundation
import Glibc
import Modbus

/// How diag reaches a device directly (`--direct`): `--tcp HOST:PORT` or `--rtu DEVICE` with line settings.
struct BusOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Modbus/TCP endpoint.", valueName: "host:port"))
    var tcp: String?

    @Option(name: .long, help: ArgumentHelp("Serial device (RS-485 adapter or pty).", valueName: "device"))
    var rtu: String?

    @Option(help: "Baud rate (RTU). Default: the profile's, else 9600.")
    var baud: Int?

    @Option(help: "Parity N, E or O (RTU). Default: the profile's, else N.")
    var parity: String?

    @Option(name: .customLong("data-bits"), help: "Data bits (RTU). Default 8.")
    var dataBits: Int?

    @Option(name: .customLong("stop-bits"), help: "Stop bits (RTU). Default: the profile's, else 1.")
    var stopBits: Int?

    @Option(name: .customLong("timeout-ms"), help: "Response timeout in milliseconds. Default: the profile's, else 500.")
    var timeoutMilliseconds: Int?

    @Flag(help: """
        Open the port or endpoint myself (--rtu or --tcp), not through the daemon's bus queue. While \
        custodyd runs it owns its serial ports: stop it first, or use --device ID.
        """)
    var direct = false

    /// Whether --tcp or --rtu was given.
    var isGiven: Bool { tcp != nil || rtu != nil }

    func validate() throws {
        if tcp != nil, rtu != nil { throw ValidationError("give exactly one of --tcp HOST:PORT or --rtu DEVICE") }
    }

    /// Refuses a direct command without an endpoint.
    func requireEndpoint() throws {
        guard isGiven else { throw ValidationError("give exactly one of --tcp HOST:PORT or --rtu DEVICE") }
    }

    /// The endpoint, with serial defaults taken from `defaults` (a profile's) where the options are silent.
    func endpoint(defaults: SerialLine? = nil) throws -> ModbusEndpoint {
        if let tcp { return try ModbusEndpoint.parseTCP(tcp) }
        let base = try defaults ?? SerialLine()
        guard let parityValue = SerialLine.Parity(rawValue: (parity ?? base.parity.rawValue).uppercased()) else {
            throw ValidationError("--parity must be N, E or O")
        }
        let line = try SerialLine(
            baud: baud ?? base.baud, parity: parityValue, dataBits: dataBits ?? base.dataBits,
            stopBits: stopBits ?? base.stopBits)
        return .rtu(path: rtu!, line: line)
    }

    func timeouts(defaultMilliseconds: Int = 500, byteMilliseconds: Int? = nil) -> ModbusTimeouts {
        let response = timeoutMilliseconds ?? defaultMilliseconds
        return ModbusTimeouts(responseMilliseconds: response, byteMilliseconds: byteMilliseconds ?? min(response, 500))
    }
}

/// Parses `1-247`, `1,2,5-8` into unit ids.
func parseUnits(_ text: String) throws -> [Int] {
    var units: [Int] = []
    for part in text.split(separator: ",") {
        let bounds = part.split(separator: "-").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard let first = bounds.first ?? nil, bounds.count <= 2, bounds.allSatisfy({ $0 != nil }) else {
            throw ValidationError("--units: expected a list like 1-247 or 1,2,5-8, got '\(text)'")
        }
        let last = bounds.count == 2 ? bounds[1]! : first
        guard first >= 0, last <= 255, first <= last else { throw ValidationError("--units: \(part) is not a range within 0–255") }
        units += Array(first...last)
    }
    return units
}

/// The one-line reason for a failed direct transaction; a port held by another process (custodyd, while it
/// runs) says how to go through the daemon instead.
func directFailure(_ error: ModbusError, at place: String) -> ExitCode {
    if let path = busyPort(error) { return fail(portBusyReason(path)) }
    return fail("\(place): \(error)")
}

/// The serial port another process holds, if that is why `error` happened: its `flock`, or (for a
/// process without root) the exclusive mode the daemon sets on the tty, which refuses the open with EBUSY.
func busyPort(_ error: ModbusError) -> String? {
    switch error {
    case .portBusy(let path): path
    case .connectFailed(let code, let detail) where code == EBUSY: detail
    default: nil
    }
}

/// What to do when the daemon (or another master) holds the serial port.
func portBusyReason(_ path: String) -> String {
    "\(path) is held by another process (custodyd owns its buses while it runs): go through the daemon with "
        + "--device ID instead of --rtu, or stop the daemon to open the port yourself with --direct"
}
