import Foundation
import Journal
import Testing

/// `custodyctl diag` while the daemon runs: through its API by device id, and a clear refusal when the
/// technician tries to open the daemon's port.
@Suite("custodyctl diag through a running daemon")
struct DiagThroughDaemonTests {
    typealias Unit = DaemonTestStation.Unit

    static func custodyctl(_ arguments: [String]) async throws -> APICustodyctlTests.Run {
        try await APICustodyctlTests.custodyctl(arguments)
    }

    @Test func readsADevicesPointsByIdAsATableAndAsJSON() async throws {
        try await DaemonTestStation.with { station in
            station.control("set \(Unit.co2Holding) abc_period_hours 1234")  // a point the simulator does not drift
            let socket = ["--socket", station.socketPath]
            let table = try await Self.custodyctl(["diag", "read", "--device", "co2-holding", "--point", "abc_period_hours"] + socket)
            #expect(table.status == 0, "\(table.error)")
            #expect(table.output.hasPrefix("point"))
            let row = table.output.split(separator: "\n").first { $0.hasPrefix("abc_period_hours") }.map(String.init) ?? ""
            #expect(row.contains("1234") && row.hasSuffix("h"), "\(table.output)")

            let json = try await Self.custodyctl(["diag", "read", "--device", "co2-holding", "--json"] + socket)
            #expect(json.status == 0, "\(json.error)")
            let body = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
            let points = try #require(body["points"] as? [[String: Any]])
            #expect(points.first { $0["point"] as? String == "abc_period_hours" }?["value"] as? Int == 1234)
            #expect(points.first { $0["point"] as? String == "co2" }?["unit"] as? String == "ppm")

            let raw = try await Self.custodyctl(
                ["diag", "read", "--device", "co2-holding", "--table", "holding", "--address", "0x1F"] + socket)
            #expect(raw.status == 0, "\(raw.error)")
            #expect(raw.output.contains("0x04D2"), "\(raw.output)")
        }
    }

    @Test func sendsAProfileCommandByIdAndFailsInOneLine() async throws {
        try await DaemonTestStation.with { station in
            let socket = ["--socket", station.socketPath]
            let unlock = try await Self.custodyctl(
                ["diag", "write", "--device", "lock-holding", "--command", "unlock", "--officer", "o2"] + socket)
            #expect(unlock.status == 0, "\(unlock.error)")
            #expect(unlock.output.hasPrefix("lock-holding unlock: verified after"), "\(unlock.output)")
            let intents = try JournalReader(path: station.journalPath).entries(kinds: [.doorIntent])
            #expect(intents.contains { $0.subject == .device("lock-holding") && $0.actor == "o2" })

            let unknown = try await Self.custodyctl(["diag", "write", "--device", "lock-holding", "--command", "explode"] + socket)
            #expect(unknown.status == 1)
            #expect(unknown.error.hasPrefix("custodyctl: "))
            #expect(unknown.error.contains("unknown_command"))
            #expect(unknown.error.split(separator: "\n").count == 1)

            station.control("fault \(Unit.co2Holding) no-answer")
            let dead = try await Self.custodyctl(["diag", "read", "--device", "co2-holding", "--point", "co2"] + socket)
            #expect(dead.status == 1)
            #expect(dead.error.contains("no answer within 500 ms"), "\(dead.error)")
            #expect(dead.error.split(separator: "\n").count == 1)
        }
    }

    @Test func openingThePortTheDaemonHoldsSaysToGoThroughTheDaemon() async throws {
        try await DaemonTestStation.with { station in
            try await DaemonEndToEndTests.untilOnline(station)
            let tty = station.directory.appendingPathComponent("tty-bus").path
            let direct = try await Self.custodyctl(
                ["diag", "read", "--direct", "--rtu", tty, "--unit", "\(Unit.co2Holding)", "--table", "input", "--address", "3"])
            #expect(direct.status == 1)
            #expect(direct.error.contains("--device ID"), "\(direct.error)")
            #expect(direct.error.contains("stop the daemon"), "\(direct.error)")
            #expect(direct.error.split(separator: "\n").count == 1)

            let mixed = try await Self.custodyctl(["diag", "read", "--device", "co2-holding", "--rtu", tty])
            #expect(mixed.status != 0)
            #expect(mixed.error.contains("not both"))
        }
    }
}
