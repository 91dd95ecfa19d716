import Foundation
import Simulator
import Testing

/// The shipped rule scenarios pass, failures read well, and bad files say where and what.
struct ScenarioTests {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("simulators/scenarios")

    static var shipped: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") && $0 != "station.yaml" }.sorted()
    }

    func write(_ text: String, name: String = "scenario.yaml") throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scenario-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let station = try String(contentsOf: Self.directory.appendingPathComponent("station.yaml"), encoding: .utf8)
        try station.write(to: folder.appendingPathComponent("station.yaml"), atomically: true, encoding: .utf8)
        let path = folder.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func everyRuleHasAFiringAndASilentScenario() {
        let rules = ["clk-01", "clk-02", "clk-03", "clk-04", "clk-05", "clk-06", "clk-07", "wel-01", "wel-02", "wel-03",
            "sup-01", "esc-01", "sup-03", "sep-01", "occ-01", "flow-01", "prot-01", "rec-01", "zone-01", "exit-01",
            "dev-01", "env-01", "fire-01", "vit-01"]
        for rule in rules {
            #expect(Self.shipped.contains("\(rule)-fires.yaml"), "\(rule) has no firing scenario")
            #expect(Self.shipped.contains("\(rule)-silent.yaml"), "\(rule) has no silent scenario")
        }
    }

    @Test(arguments: shipped)
    func shippedScenarioPasses(name: String) throws {
        let report = try ScenarioRunner.run(file: Self.directory.appendingPathComponent(name).path)
        #expect(report.failures == [], "\(name)")
    }

    static let prelude = """
        name: t
        start: 2026-11-25T10:00:00+08:00
        station_file: station.yaml
        steps:
          - command: {by: o1, register: {registration: {person: p1, role: suspect, sex: male, birth_date: 1990-05-01, measure: criminal_summons}}}

        """

    @Test func unmetExpectationSaysWhatWasSeen() throws {
        let path = try write(Self.prelude + "  - expect: {rule: CLK-01, level: alarm, person: p1, by: +11h}\n")
        let report = try ScenarioRunner.run(file: path)
        #expect(!report.passed)
        let failure = try #require(report.failures.first)
        #expect(failure.contains("line 6: expected CLK-01 alarm person=p1 by +11h"))
        #expect(failure.contains("raise CLK-01/limit person=p1 warn"))
    }

    @Test func forbiddenAlertFailsTheRun() throws {
        let path = try write(Self.prelude + "  - advance: 13h\nnever:\n  - {rule: CLK-01, level: alarm}\n")
        let report = try ScenarioRunner.run(file: path)
        #expect(report.failures.first?.contains("expected no CLK-01 alarm, but at +12h got escalate") == true)
    }

    @Test(arguments: [
        ("  - advance: soon\n", 6, "steps[1].advance", "expected a duration"),
        ("  - expect: {rule: CLK-99}\n", 6, "steps[1].expect.rule", "expected a rule id"),
        ("  - command: {by: o1, register: {registration: {role: suspect}}}\n", 6, "steps[1].command.register.registration", "missing required field `person`"),
        ("  - command: {by: o1, welfare: {person: p1, kind: soup, response: accepted}}\n", 6, "steps[1].command.welfare.kind", "soup"),
        ("  - jump: 3h\n", 6, "steps[1]", "expected exactly one of command, see, observe, advance, expect, never"),
    ])
    func badStepNamesFileLineFieldAndExpectation(step: String, line: Int, field: String, expected: String) throws {
        let path = try write(Self.prelude + step)
        #expect {
            _ = try ScenarioRunner.run(file: path)
        } throws: { error in
            let text = "\(error)"
            return text.hasPrefix("\(path):\(line):") && text.contains(field) && text.contains(expected)
        }
    }
}
