import ArgumentParser
import DeviceProfiles
import Foundation
import Modbus

/// `custodyctl diag write`: run a profile command by name — through the daemon's bus queue
/// (`--device ID`), or on a port opened here — or write raw registers or coils (opening the port here only).
struct DiagWrite: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "write",
        abstract: "Run a profile command (e.g. unlock, with read-back) or write raw registers/coils.",
        discussion: """
            Through the running daemon (journaled, with the officer it is for):
              custodyctl diag write --device lock-holding --command unlock --officer o1
              custodyctl diag write --device reader-entrance --command beep_accept --json
            Opening the port or endpoint here (only while the daemon does not own it):
              custodyctl diag write --direct --rtu /dev/ttyUSB0 --unit 4 --profile devices/waveshare-relay-8ch-door.yaml --command unlock
              custodyctl diag write --tcp 127.0.0.1:1502 --unit 1 --table holding --address 0x0101 --value 2
              custodyctl diag write --tcp 127.0.0.1:1502 --unit 1 --table holding --address 10 --value 123456 \\
                  --type float32 --word-order ABCD
            """)

    @Option(help: "A device of the running station, by its id in the station file: send through the daemon.")
    var device: String?
    @OptionGroup var daemon: DaemonOptions
    @Option(help: "With --device: the officer the command is sent for, as journaled.") var officer: String?
    @OptionGroup var bus: BusOptions
    @Option(help: "Unit id (slave address), with --rtu or --tcp.") var unit: Int?
    @Option(help: "A device profile (with --rtu or --tcp).") var profile: String?
    @Option(help: "The profile command to run.") var command: String?
    @Option(help: "Raw table: coil or holding.") var table: String?
    @Option(help: "First address (0-based PDU address; 0x prefix allowed).") var address: String?
    @Option(help: "Value(s), comma-separated; coils take 0/1/true/false.") var value: String?
    @Option(help: "Encode the value as this type (default uint16).") var type: String?
    @Option(name: .customLong("word-order"), help: "ABCD, BADC, CDAB or DCBA.") var wordOrder: String = "ABCD"
    @Flag(help: "JSON output for scripts.") var json = false

    func validate() throws {
        try validateTarget(device: device, daemon: daemon, bus: bus, unit: unit, profile: profile)
        if device != nil {
            guard command != nil else {
                throw ValidationError("through the daemon give --command NAME (a profile command); raw writes open the port here only")
            }
            guard table == nil, address == nil, value == nil else {
                throw ValidationError("raw writes open the port here only (--rtu/--tcp); through the daemon send a profile --command")
            }
        } else if officer != nil {
            throw ValidationError("--officer is journaled by the daemon: it goes with --device ID")
        }
    }

    func run() async throws {
        if let device, let command {
            try station {
                try DaemonDiagnostics.command(try daemon.client(), device: device, command: command, officer: officer, json: json)
            }
            return
        }
        let unit = unit!
        if let profile {
            guard let command else { throw ValidationError("--profile needs --command NAME") }
            try runProfileCommand(profilePath: profile, command: command, bus: bus, unit: unit, json: json)
            return
        }
        let request = try rawRequest()
        let connection = try ModbusConnection(endpoint: try bus.endpoint())
        do {
            _ = try connection.perform(request, unit: unit, timeouts: bus.timeouts())
        } catch {
            throw directFailure(error, at: "unit \(unit) at \(connection.endpoint)")
        }
        if json { printJSON(["ok": true]) } else { print("written") }
    }

    private func rawRequest() throws -> ModbusRequest {
        guard let tableName = table, let target = RawSelection.tables[tableName.lowercased()], target.isWritable else {
            throw ValidationError("give --profile with --command, or --table coil|holding with --address and --value")
        }
        guard let address, let start = parseNumber(address), (0...65535).contains(start) else {
            throw ValidationError("--address must be a 0-based PDU address 0–65535 (0x… allowed)")
        }
        guard let value else { throw ValidationError("--value is required") }
        let items = value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        if target == .coil {
            let bits = try items.map { item -> Bool in
                switch item.lowercased() {
                case "1", "true", "on": return true
                case "0", "false", "off": return false
                default: throw ValidationError("coil values are 0/1/true/false/on/off, got '\(item)'")
                }
            }
            return bits.count == 1 ? .writeCoil(address: start, value: bits[0]) : .writeCoils(address: start, values: bits)
        }
        let valueType = try type.map { name -> ValueType in
            guard let t = ValueType(profileName: name, length: name == "string" ? (items.first.map { ($0.utf8.count + 1) / 2 } ?? 1) : nil)
            else { throw ValidationError("--type must be one of \(ValueType.profileNames.joined(separator: ", "))") }
            return t
        } ?? .uint16
        guard let order = WordOrder(rawValue: wordOrder.uppercased()) else {
            throw ValidationError("--word-order must be ABCD, BADC, CDAB or DCBA")
        }
        var registers: [UInt16] = []
        for item in items {
            let parsed: ModbusValue
            switch valueType {
            case .string: parsed = .string(item)
            case .float32, .float64:
                guard let number = Double(item) else { throw ValidationError("'\(item)' is not a number") }
                parsed = .double(number)
            case .bool: parsed = .bool(["1", "true", "on"].contains(item.lowercased()))
            default:
                if let number = parseNumber(item) { parsed = number < 0 ? .int(Int64(number)) : .uint(UInt64(number)) } else {
                    throw ValidationError("'\(item)' is not an integer")
                }
            }
            do throws(CodecError) {
                registers += try ValueCodec.encode(parsed, as: valueType, order: order)
            } catch {
                throw ValidationError("cannot encode '\(item)' as \(valueType): \(error)")
            }
        }
        return registers.count == 1 ? .writeRegister(address: start, value: registers[0]) : .writeRegisters(address: start, values: registers)
    }
}
