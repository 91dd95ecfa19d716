import Foundation
import Journal
import Simulator
import Testing

@Suite("Scenario runs recorded in a journal")
struct ScenarioJournalTests {
    @Test func aRecordedRunVerifiesAndHoldsItsAlerts() throws {
        let path = NSTemporaryDirectory() + "scenario-\(UUID().uuidString.prefix(8)).db"
        defer { for suffix in ["", "-wal", "-shm", ".lock"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let report = try ScenarioRunner.run(file: packageRoot + "/simulators/scenarios/clk-01-fires.yaml", journalPath: path)
        #expect(report.passed)
        let reader = try JournalReader(path: path)
        #expect(try reader.verify().isIntact)
        #expect(try reader.lastSeq() > 0)
        let alerts = try reader.alerts(AlertFilter())
        #expect(alerts.contains { $0.rule == "CLK-01" && $0.level == .alarm })
    }
}
