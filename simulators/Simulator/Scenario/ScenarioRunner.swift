import CustodyCore
import CustodyRecording
import Foundation
import Journal

/// Runs a scenario against the core in virtual time: every deadline is ticked, every effect printed.
public struct ScenarioRunner {
    /// What a run produced: one JSON line per effect or rejection, and the expectations that failed.
    public struct Report: Sendable {
        public var name: String
        public var file: String
        public var lines: [String]
        public var failures: [String]
        public var passed: Bool { failures.isEmpty }
    }

    /// Loads and runs one scenario file.
    public static func run(file path: String, journalPath: String? = nil) throws(ScenarioError) -> Report {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw ScenarioError(file: path, line: 0, column: 0, field: "", expected: "expected a readable scenario file")
        }
        let directory = (path as NSString).deletingLastPathComponent
        let scenario = try ScenarioParser(file: path, directory: directory.isEmpty ? "." : directory).parse(text)
        guard let journalPath else { return run(scenario) }
        let journal: CustodyJournal
        do {
            journal = try CustodyJournal(path: journalPath)
        } catch {
            throw ScenarioError(file: journalPath, line: 0, column: 0, field: "--journal", expected: "\(error)")
        }
        defer { journal.close() }
        var runner = ScenarioRunner(scenario)
        runner.journal = journal
        runner.execute()
        if let failure = runner.journalFailure {
            throw ScenarioError(file: journalPath, line: 0, column: 0, field: "--journal", expected: failure)
        }
        return Report(name: scenario.name, file: scenario.file, lines: runner.lines, failures: runner.failures)
    }

    /// Runs a parsed scenario.
    public static func run(_ scenario: Scenario) -> Report {
        var runner = ScenarioRunner(scenario)
        runner.execute()
        return Report(name: scenario.name, file: scenario.file, lines: runner.lines, failures: runner.failures)
    }

    private struct Line: Encodable {
        var at: Timestamp
        var offset: String
        var effect: Effect?
        var rejected: Rejection?
        var input: Input?
    }

    private let scenario: Scenario
    private var engine: CustodyEngine
    private var time: Timestamp
    private var log: [(time: Timestamp, effect: Effect)] = []
    private var lines: [String] = []
    private var failures: [String] = []
    private let encoder: JSONEncoder
    /// Where every input and effect is recorded, as the daemon records them, when asked.
    private var journal: CustodyJournal?
    private var journalFailure: String?

    private init(_ scenario: Scenario) {
        self.scenario = scenario
        engine = CustodyEngine(layout: scenario.layout, parameters: scenario.parameters, start: scenario.start)
        time = scenario.start
        encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    }

    private mutating func emit(_ line: Line) {
        if let data = try? encoder.encode(line) { lines.append(String(decoding: data, as: UTF8.self)) }
    }

    private mutating func apply(_ input: Input) -> Outcome {
        let outcome = engine.apply(input, at: time)
        if let journal, journalFailure == nil {
            do {
                _ = try journal.appendAndWait(CustodyRecorder().entries(for: input, at: time, outcome: outcome, engine: engine))
            } catch {
                journalFailure = "\(error)"
            }
        }
        let offset = ScenarioTime.offset(time, from: scenario.start)
        for effect in outcome.effects {
            log.append((time, effect))
            emit(Line(at: time, offset: offset, effect: effect))
        }
        if let rejection = outcome.rejection { emit(Line(at: time, offset: offset, rejected: rejection, input: input)) }
        return outcome
    }

    private mutating func advance(to target: Timestamp) {
        while let next = engine.nextDeadline, next <= target {
            time = max(time, next)
            _ = apply(.tick)
        }
        if target > time {
            time = target
            _ = apply(.tick)
        }
    }

    private mutating func execute() {
        var expectations: [(line: Int, match: Scenario.AlertMatch, by: Timestamp)] = []
        var forbidden: [(line: Int, match: Scenario.AlertMatch)] = []
        for step in scenario.steps {
            if let at = step.at { advance(to: scenario.start + at) }
            switch step.action {
            case .command(let command, let rejected):
                let outcome = apply(.command(command))
                switch (outcome.rejection, rejected) {
                case (nil, let expected?):
                    failures.append("line \(step.line): expected the command to be rejected (\(expected)), it was accepted")
                case (let rejection?, nil):
                    failures.append("line \(step.line): command rejected: \(rejection.reason.rawValue): \(rejection.message)")
                case (let rejection?, let expected?) where rejection.reason.rawValue != expected:
                    failures.append("line \(step.line): expected rejection \(expected), got \(rejection.reason.rawValue): \(rejection.message)")
                default:
                    break
                }
            case .observe(let observation):
                if let rejection = apply(.observation(observation)).rejection {
                    failures.append("line \(step.line): observation rejected: \(rejection.message)")
                }
            case .advance(let span):
                advance(to: time + span)
            case .expect(let match, let by):
                expectations.append((step.line, match, by.map { scenario.start + $0 } ?? time))
            case .never(let match):
                forbidden.append((step.line, match))
            }
        }
        if let last = expectations.map(\.by).max(), last > time { advance(to: last) }
        for expectation in expectations { check(expectation.line, expectation.match, by: expectation.by) }
        for rule in forbidden {
            if let hit = log.first(where: { Self.isRaise($0.effect) && $0.effect.alert.map(rule.match.matches) == true }) {
                failures.append(
                    "line \(rule.line): expected no \(rule.match), but at \(ScenarioTime.offset(hit.time, from: scenario.start)) got \(Self.describe(hit.effect))")
            }
        }
    }

    private static func isRaise(_ effect: Effect) -> Bool {
        switch effect {
        case .raiseAlert, .escalateAlert, .repeatAlert: true
        default: false
        }
    }

    private static func describe(_ effect: Effect) -> String {
        guard let alert = effect.alert else { return "\(effect)" }
        let kind: String
        switch effect {
        case .raiseAlert: kind = "raise"
        case .escalateAlert: kind = "escalate"
        case .repeatAlert: kind = "repeat"
        case .clearAlert: kind = "clear"
        default: kind = "acknowledge"
        }
        return "\(kind) \(alert.key) \(alert.level.rawValue): \(alert.message)"
    }

    private mutating func check(_ line: Int, _ match: Scenario.AlertMatch, by: Timestamp) {
        let hit = log.contains { $0.time <= by && Self.isRaise($0.effect) && $0.effect.alert.map(match.matches) == true }
        guard !hit else { return }
        let related = log.filter { $0.effect.alert?.key.rule == match.rule }
            .map { "  \(ScenarioTime.offset($0.time, from: scenario.start)) \(Self.describe($0.effect))" }
        let saw = related.isEmpty ? "  (no \(match.rule.rawValue) alert at all)" : related.joined(separator: "\n")
        failures.append(
            "line \(line): expected \(match) by \(ScenarioTime.offset(by, from: scenario.start))\n  saw:\n\(saw)")
    }
}
