import Foundation
import Testing

/// custodyctl diag against custody-sim, both as the technician runs them: separate processes on real
/// sockets and pseudo-terminals.
@Suite("custodyctl diag against custody-sim")
struct DiagCommandTests {
    @Test func readsAProfilesPointsAsJSONFromTwoUnitsOnOnePort() throws {
        let sim = try Child("custody-sim", ["serve", "--profile", "devices/xy-md02.yaml", "--tcp", "127.0.0.1:0", "--unit", "1", "--unit", "2"])
        let endpoint = try #require(sim.readyField("tcp"))
        for unit in ["1", "2"] {
            let result = try run("custodyctl", ["diag", "read", "--tcp", endpoint, "--unit", unit, "--profile", "devices/xy-md02.yaml", "--json"])
            #expect(result.status == 0, "\(result.error)")
            let points = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]])
            let temperature = try #require(points.first { $0["point"] as? String == "temperature" })
            #expect(temperature["unit"] as? String == "degC")
            let value = try #require(Double(temperature["value"] as? String ?? ""))
            #expect((15.0...30.0).contains(value))
        }
    }

    @Test func scanFindsExactlyTheServedUnits() throws {
        let sim = try Child("custody-sim", ["serve", "--profile", "devices/xy-md02.yaml", "--tcp", "127.0.0.1:0", "--unit", "3", "--unit", "9"])
        let endpoint = try #require(sim.readyField("tcp"))
        let result = try run("custodyctl", ["diag", "scan", "--tcp", endpoint, "--units", "1-12", "--profile", "devices/xy-md02.yaml", "--json"])
        #expect(result.status == 0, "\(result.error)")
        let found = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]])
        #expect(found.compactMap { $0["unit"] as? Int } == [3, 9])
        #expect(found.allSatisfy { $0["status"] as? String == "identified" })
    }

    @Test func aDoorUnlockOverRTUIsVerifiedByReadBack() throws {
        let control = NSTemporaryDirectory() + "sim-\(UUID().uuidString.prefix(8)).sock"
        let sim = try Child("custody-sim", [
            "serve", "--device", "devices/waveshare-relay-8ch-door.yaml@4", "--device", "devices/inveo-rfid-mif.yaml@5",
            "--rtu-pty", "--control", control,
        ])
        let path = try #require(sim.readyField("rtu"))
        let result = try run("custodyctl", [
            "diag", "write", "--rtu", path, "--unit", "4", "--profile", "devices/waveshare-relay-8ch-door.yaml", "--command", "unlock",
        ])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("unlock: sent; bond_sensor = false as expected"))
        let reader = try run("custodyctl", ["diag", "read", "--rtu", path, "--unit", "5", "--profile", "devices/inveo-rfid-mif.yaml", "--point", "is_new_tag"])
        #expect(reader.status == 0, "\(reader.error)")
        #expect(reader.output.contains("is_new_tag  false"))
    }

    @Test func aFailureEndsWithOneLineAndAFailingStatus() throws {
        let nobody = try run("custodyctl", ["diag", "read", "--tcp", "127.0.0.1:1", "--unit", "1", "--table", "holding", "--address", "0"])
        #expect(nobody.status == 1)
        #expect(nobody.error.hasPrefix("custodyctl: unit 1 at 127.0.0.1:1: cannot connect to 127.0.0.1:1 (ECONNREFUSED"))
        #expect(nobody.error.split(separator: "\n").count == 1)

        let both = try run("custodyctl", ["diag", "read", "--tcp", "127.0.0.1:1", "--rtu", "/dev/null", "--unit", "1"])
        #expect(both.status != 0)
        #expect(both.error.contains("give exactly one of --tcp HOST:PORT or --rtu DEVICE"))
    }

    @Test func aBrokenProfileIsNamedWithItsLine() throws {
        let file = NSTemporaryDirectory() + "broken-\(UUID().uuidString.prefix(8)).yaml"
        try "profile: broken\nversion: 1\nvendor: x\nmodel: y\nkind: environment\ntransport: [tcp]\npoints:\n  - {name: t, table: input_register, address: 70000, type: int16}\n"
            .write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let result = try run("custodyctl", ["diag", "read", "--tcp", "127.0.0.1:1", "--unit", "1", "--profile", file])
        #expect(result.status == 1)
        #expect(result.error.contains("\(file):8:"))
    }
}
