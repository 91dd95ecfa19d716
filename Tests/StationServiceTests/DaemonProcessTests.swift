import Foundation
import Journal
import Testing

/// The `custodyd` executable as systemd runs it: exit codes, the simulation guard, and a SIGKILL in
/// the middle of a custody.
@Suite("custodyd as a process")
struct DaemonProcessTests {
    @Test func aBrokenStationFileExitsWith78AndNamesTheLine() async throws {
        try await DaemonTestStation.simulatorsOnly { station in
            var text = try String(contentsOfFile: station.stationFile, encoding: .utf8)
            text = text.replacingOccurrences(of: "kind: holding,", with: "kind: cell,")
            try text.write(toFile: station.stationFile, atomically: true, encoding: .utf8)
            let log = station.directory.appendingPathComponent("daemon.log")
            let process = try station.launchDaemon(log: log)
            #expect(await DaemonTestStation.exit(of: process) == 78)
            let output = try String(contentsOf: log, encoding: .utf8)
            #expect(output.contains("station.yaml:"), "\(output)")
            #expect(output.contains("cell"), "\(output)")
            #expect(!FileManager.default.fileExists(atPath: station.journalPath), "nothing was started")
        }
    }

    @Test func theTimeScaleIsRefusedForAStationThatIsNotASimulation() async throws {
        try await DaemonTestStation.simulatorsOnly { station in
            var text = try String(contentsOfFile: station.stationFile, encoding: .utf8)
            text = text.replacingOccurrences(of: "simulation: true", with: "simulation: false")
            try text.write(toFile: station.stationFile, atomically: true, encoding: .utf8)
            let log = station.directory.appendingPathComponent("daemon.log")
            let process = try station.launchDaemon(["--time-scale", "60"], log: log)
            #expect(await DaemonTestStation.exit(of: process) == 78)
            #expect(try String(contentsOf: log, encoding: .utf8).contains("only for simulations"))
        }
    }

    @Test(.timeLimit(.minutes(2)))
    func aDaemonKilledMidCustodyRestartsWithItsClocksAndLosesNothing() async throws {
        try await DaemonTestStation.simulatorsOnly { station in
            let log = station.directory.appendingPathComponent("daemon.log")
            var process = try station.launchDaemon(log: log)
            try await station.waitForAPI()
            let register: [String: Any] = [
                "officer": "o1", "person": "p1", "role": "suspect", "sex": "male", "birth_date": "1990-05-01",
                "case": "case-1", "measure": "criminal_summons",
            ]
            #expect(try await station.local.post("/v1/people", json: register).status == 201)
            #expect(try await station.local.post("/v1/people/p1/wristband", json: ["officer": "o1", "tag": "5E000001"]).status == 200)
            let before = try await station.local.get("/v1/people/p1").object()
            let clocksBefore = try #require(before["clocks"] as? [[String: Any]])
            // Answered means journaled and on disk; now kill it without warning.
            kill(process.processIdentifier, SIGKILL)
            _ = await DaemonTestStation.exit(of: process)
            #expect(process.terminationReason == .uncaughtSignal)

            process = try station.launchDaemon(log: log)
            try await station.waitForAPI()
            let after = try await station.local.get("/v1/people/p1").object()
            let clocksAfter = try #require(after["clocks"] as? [[String: Any]])
            #expect(after["tag"] as? String == "5E000001")
            let starts = { (clocks: [[String: Any]]) in clocks.map { "\($0["rule"] ?? ""):\($0["start"] ?? "")" } }
            #expect(!clocksAfter.isEmpty)
            #expect(starts(clocksAfter) == starts(clocksBefore), "no clock restarted")
            let verify = try await station.local.get("/v1/journal/verify").object()
            #expect(verify["problem"] == nil || verify["problem"] is NSNull, "\(verify)")
            process.terminate()
            #expect(await DaemonTestStation.exit(of: process) == 0, "SIGTERM stops it cleanly")
            #expect(try String(contentsOf: log, encoding: .utf8).contains("journal flushed"))
        }
    }
}
