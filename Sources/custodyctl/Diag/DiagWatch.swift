import ArgumentParser
import DeviceProfiles
import Foundation
import Modbus

/// `custodyctl diag watch`: poll a device and show it live, changed values highlighted.
struct DiagWatch: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Poll a device repeatedly and show its values live, highlighting what changed.",
        discussion: """
            With --json, prints one line per poll with the values that changed (all of them the first time), \
            for scripts. --count stops after that many polls.
            """)

    @OptionGroup var bus: BusOptions
    @Option(help: "Unit ids to watch (with one profile), e.g. 1 or 1,2,5-8.") var unit: String?
    @Option(help: "A device profile; watches its points.") var profile: String?
    @Option(help: ArgumentHelp("A device as PROFILE@UNIT; repeat to watch a mixed bus.", valueName: "file@unit"))
    var device: [String] = []
    @Option(help: "Raw table: coil, discrete, holding or input.") var table: String?
    @Option(help: "First address (raw mode).") var address: String?
    @Option(help: "Number of registers or bits (raw mode).") var count: Int?
    @Option(help: "Decode raw registers as this type.") var type: String?
    @Option(name: .customLong("word-order")) var wordOrder: String?
    @Option(name: .customLong("interval-ms"), help: "Time between polls (default: 1000).") var intervalMilliseconds: Int = 1000
    @Option(help: "Stop after this many polls (default: until interrupted).") var polls: Int?
    @Flag(help: "JSON lines for scripts.") var json = false

    func validate() throws { try bus.requireEndpoint() }

    func run() async throws {
        var targets: [(unit: Int, profile: DeviceProfile?)] = []
        for spec in device {
            guard let at = spec.lastIndex(of: "@"), let number = Int(spec[spec.index(after: at)...]) else {
                throw ValidationError("--device expects FILE@UNIT, got '\(spec)'")
            }
            targets.append((number, try loadProfile(String(spec[..<at]))))
        }
        if let unit {
            let loaded = try profile.map(loadProfile)
            targets += try parseUnits(unit).map { ($0, loaded) }
        }
        guard !targets.isEmpty else { throw ValidationError("give --unit N (with --profile or raw options) or --device FILE@UNIT") }
        let first = targets.first?.profile
        let raw = targets.contains { $0.profile == nil }
            ? try RawSelection(table: table, address: address, count: count, type: type, wordOrder: wordOrder) : nil
        let endpoint = try bus.endpoint(defaults: first.flatMap(serialDefaults))
        let connection = try ModbusConnection(endpoint: endpoint)
        let highlight = !json && isatty(STDOUT_FILENO) == 1
        var previous: [String: String] = [:]
        var iteration = 0
        while polls.map({ iteration < $0 }) ?? true {
            iteration += 1
            var rows: [(key: String, unit: Int, name: String, value: String)] = []
            for (unit, loaded) in targets {
                let timeouts = loaded.map { profileTimeouts($0, bus: bus) } ?? bus.timeouts()
                if let loaded {
                    let readings = try readPoints(connection, unit: unit, profile: loaded, only: nil, timeouts: timeouts)
                    for reading in readings {
                        rows.append(("\(unit)/\(reading.name)", unit, reading.name, reading.display))
                    }
                } else if let raw {
                    let values: [String]
                    do {
                        let response = try connection.perform(raw.request, unit: unit, timeouts: timeouts)
                        values = response.registers.map { $0.map { String($0) } } ?? response.bits!.map { $0 ? "1" : "0" }
                    } catch {
                        values = Array(repeating: "(\(error.category))", count: raw.count)
                    }
                    for (i, value) in values.enumerated() {
                        rows.append(("\(unit)/\(raw.address + i)", unit, "\(raw.table.rawValue) \(raw.address + i)", value))
                    }
                }
            }
            let changed = Set(rows.filter { previous[$0.key] != $0.value }.map(\.key))
            if json {
                let time = ISO8601DateFormatter().string(from: Date())
                printJSON([
                    "time": time, "poll": iteration,
                    "changed": rows.filter { changed.contains($0.key) }.map { ["unit": $0.unit, "point": $0.name, "value": $0.value] },
                ])
            } else {
                let clear = highlight ? "\u{1B}[H\u{1B}[2J" : ""
                emit(clear + "\(endpoint)  poll \(iteration)  every \(intervalMilliseconds) ms  \(Date())")
                var out = TextTable("unit", "point", "value")
                for row in rows {
                    let mark = changed.contains(row.key) && iteration > 1
                    let value = mark ? (highlight ? "\u{1B}[7m\(row.value)\u{1B}[0m" : "\(row.value)  *") : row.value
                    out.add(String(row.unit), row.name, value)
                }
                emit(out.render() + "\n")
            }
            for row in rows { previous[row.key] = row.value }
            if polls.map({ iteration < $0 }) ?? true { try await Task.sleep(for: .milliseconds(intervalMilliseconds)) }
        }
    }
}
