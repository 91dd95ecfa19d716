import ArgumentParser
import DeviceProfiles
import Modbus

/// `custodyctl diag read`: one read, decoded with a profile's points or as raw registers — through the
/// daemon's bus queue (`--device ID`), or on a port opened here (`--rtu`/`--tcp`).
struct DiagRead: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read",
        abstract: "Read a device once: a profile's points with units, or raw registers and bits.",
        discussion: """
            Through the running daemon (its profile and unit id from the station file):
              custodyctl diag read --device co2-holding
              custodyctl diag read --device co2-holding --point co2 --json
              custodyctl diag read --device lock-holding --table holding --address 0x4000
            Opening the port or endpoint here (only while the daemon does not own it):
              custodyctl diag read --direct --rtu /dev/ttyUSB0 --unit 1 --profile devices/xy-md02.yaml
              custodyctl diag read --tcp 10.0.0.5:502 --unit 1 --table holding --address 0 --count 2 \\
                  --type float32 --word-order all
            """)

    @Option(help: "A device of the running station, by its id in the station file: read through the daemon.")
    var device: String?
    @OptionGroup var daemon: DaemonOptions
    @OptionGroup var bus: BusOptions
    @Option(help: "Unit id (slave address), with --rtu or --tcp.") var unit: Int?
    @Option(help: "A device profile; reads its points (with --rtu or --tcp).") var profile: String?
    @Option(help: "Only this point of the profile.") var point: String?
    @Option(help: "Raw table: coil, discrete, holding or input.") var table: String?
    @Option(help: "First address (0-based PDU address; 0x prefix allowed).") var address: String?
    @Option(help: "Number of registers or bits (default: the type's size).") var count: Int?
    @Option(help: "Decode raw registers as this type (int16, uint32, float32, string…).") var type: String?
    @Option(name: .customLong("word-order"), help: "ABCD, BADC, CDAB, DCBA, or 'all' to show the four.") var wordOrder: String?
    @Flag(help: "JSON output for scripts.") var json = false

    func validate() throws {
        try validateTarget(device: device, daemon: daemon, bus: bus, unit: unit, profile: profile)
    }

    func run() async throws {
        if let device {
            try station {
                let client = try daemon.client()
                if table != nil || address != nil {
                    let raw = try RawSelection(table: table, address: address, count: count, type: type, wordOrder: wordOrder)
                    try DaemonDiagnostics.readRaw(client, device: device, raw: raw, json: json)
                } else {
                    try DaemonDiagnostics.readPoints(client, device: device, point: point, json: json)
                }
            }
            return
        }
        let unit = unit!
        if let profile {
            let loaded = try loadProfile(profile)
            let client = try makeConnection(bus, profile: loaded)
            let readings = try readPoints(client.connection, unit: unit, profile: loaded, only: point, timeouts: client.timeouts)
            if json {
                printJSON(readings.map(\.jsonObject))
            } else {
                print(renderReadings(readings))
            }
            if readings.contains(where: { $0.error != nil }) { throw ExitCode(1) }
            return
        }
        let raw = try RawSelection(table: table, address: address, count: count, type: type, wordOrder: wordOrder)
        let connection = try ModbusConnection(endpoint: try bus.endpoint())
        let response: ModbusResponse
        do {
            response = try connection.perform(raw.request, unit: unit, timeouts: bus.timeouts())
        } catch {
            throw directFailure(error, at: "unit \(unit) at \(connection.endpoint)")
        }
        print(raw.render(response, json: json))
    }
}

/// Checks that a diag command names its device one way: `--device ID` through the daemon, or
/// `--rtu`/`--tcp` with `--unit` on a port opened here.
func validateTarget(device: String?, daemon: DaemonOptions, bus: BusOptions, unit: Int?, profile: String?) throws {
    try bus.validate()
    if device != nil {
        if bus.isGiven {
            throw ValidationError("give --device ID (through the daemon) or --rtu/--tcp (opening the port here), not both")
        }
        if bus.direct {
            throw ValidationError("--direct opens the port here: give --rtu DEVICE or --tcp HOST:PORT with --unit, not --device")
        }
        if unit != nil || profile != nil {
            throw ValidationError("--device takes its unit id and profile from the station file: drop --unit and --profile")
        }
        return
    }
    if !bus.isGiven {
        throw ValidationError(
            "give --device ID (through the daemon), or --rtu DEVICE or --tcp HOST:PORT with --unit (opening the port here)")
    }
    if daemon.isGiven { throw ValidationError("--socket, --url and --token reach the daemon: they go with --device ID") }
    if unit == nil { throw ValidationError("--unit N is required with --rtu or --tcp") }
}

/// A raw table/address/count/type selection from the command line.
struct RawSelection {
    let table: ModbusTable
    let address: Int
    let count: Int
    let type: ValueType?
    let orders: [WordOrder]

    init(table: String?, address: String?, count: Int?, type: String?, wordOrder: String?) throws {
        guard let table, let parsed = RawSelection.tables[table.lowercased()] else {
            throw ValidationError("give --profile FILE, or --table coil|discrete|holding|input with --address")
        }
        guard let address, let value = parseNumber(address), (0...65535).contains(value) else {
            throw ValidationError("--address must be a 0-based PDU address 0–65535 (0x… allowed)")
        }
        self.table = parsed
        self.address = value
        if let type {
            guard let valueType = ValueType(profileName: type, length: count) else {
                throw ValidationError("--type must be one of \(ValueType.profileNames.joined(separator: ", ")) (string needs --count)")
            }
            self.type = valueType
        } else {
            self.type = nil
        }
        self.count = count ?? self.type?.registerCount ?? 1
        switch wordOrder?.uppercased() {
        case nil: orders = [.abcd]
        case "ALL": orders = WordOrder.allCases
        case let name?:
            guard let order = WordOrder(rawValue: name) else { throw ValidationError("--word-order must be ABCD, BADC, CDAB, DCBA or all") }
            orders = [order]
        }
    }

    static let tables: [String: ModbusTable] = [
        "coil": .coil, "coils": .coil, "discrete": .discreteInput, "discrete_input": .discreteInput,
        "holding": .holdingRegister, "holding_register": .holdingRegister, "input": .inputRegister,
        "input_register": .inputRegister,
    ]

    var request: ModbusRequest {
        table.isBits
            ? .readBits(table, address: address, count: count) : .readRegisters(table, address: address, count: count)
    }

    func render(_ response: ModbusResponse, json: Bool) -> String {
        if let bits = response.bits {
            if json {
                return jsonLine(["table": table.rawValue, "address": address, "bits": bits])
            }
            var out = TextTable("address", "value")
            for (i, bit) in bits.enumerated() { out.add(String(address + i), bit ? "1" : "0") }
            return out.render()
        }
        let registers = response.registers ?? []
        var decoded: [(String, String)] = []
        if let type {
            let step = type.registerCount
            var offset = 0
            while offset + step <= registers.count {
                let slice = Array(registers[offset..<offset + step])
                for order in (type.needsWordOrder ? orders : [.abcd]) {
                    let text: String
                    do throws(CodecError) {
                        text = try ValueCodec.decode(slice, as: type, order: order).description
                    } catch {
                        text = "(\(error))"
                    }
                    decoded.append(("\(address + offset) \(type)\(type.needsWordOrder ? " " + order.rawValue : "")", text))
                }
                offset += step
            }
        }
        if json {
            var object: [String: Any] = ["table": table.rawValue, "address": address, "registers": registers.map(Int.init)]
            if !decoded.isEmpty { object["decoded"] = decoded.map { ["what": $0.0, "value": $0.1] } }
            return jsonLine(object)
        }
        var out = TextTable("address", "hex", "unsigned", "signed")
        for (i, register) in registers.enumerated() {
            out.add(String(address + i), hex(register), String(register), String(Int16(bitPattern: register)))
        }
        guard !decoded.isEmpty else { return out.render() }
        var values = TextTable("decoded as", "value")
        for (what, value) in decoded { values.add(what, value) }
        return out.render() + "\n\n" + values.render()
    }
}

func parseNumber(_ text: String) -> Int? {
    let lower = text.lowercased()
    if lower.hasPrefix("0x") { return Int(lower.dropFirst(2), radix: 16) }
    return Int(lower)
}
