import ArgumentParser
import Foundation
import Modbus

/// How diag reaches the device: `--tcp HOST:PORT` or `--rtu DEVICE` with line settings.
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

    @Flag(help: "Open the bus directly rather than through the daemon (the only mode until the daemon runs).")
    var direct = false

    func validate() throws {
        guard (tcp == nil) != (rtu == nil) else {
            throw ValidationError("give exactly one of --tcp HOST:PORT or --rtu DEVICE")
        }
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
