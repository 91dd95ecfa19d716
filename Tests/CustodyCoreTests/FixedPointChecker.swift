import Testing
@testable import CustodyCore

/// Checks along a history that the engine's partial re-evaluation found everything a full one would:
/// that after a step, re-running every rule of every live target changes nothing
/// (`CustodyEngine.fullEvaluation()`). A missing `touch` fails here, where replay equality cannot see it.
///
/// A full evaluation costs one evaluation per live target (a hundred or more in a long history, where
/// a step re-evaluates two or three), so a long history is checked every `period` steps, not after
/// each. A missed trigger leaves its target wrong until the target is next re-evaluated for that rule
/// group, usually hundreds of steps later, so it is still there at the next check. When a check fails,
/// the engine kept at the last passing check replays the steps since then, checking after each, so
/// the failure names the step whose evaluation missed something, not the step that noticed it.
struct FixedPointChecker {
    /// Check every `period`-th step, the first, and the last (`finish`).
    let period: Int
    /// The engine after the last step that passed a check, to replay from.
    private var settled: CustodyEngine?
    /// The steps since then: their numbers, inputs and times.
    private var pending: [(step: Int, input: Input, time: Timestamp)] = []
    /// Set after the first failure: later checks would mostly report the same miss again, so they
    /// still run (and count) but are not reported, and are not traced back to their step.
    private var failed = false
    /// The number of full evaluations made.
    private(set) var checks = 0

    init(period: Int) {
        precondition(period >= 1)
        self.period = period
    }

    /// Notes step `step` (`input` at `time`, which left `engine`) and checks it when it is due.
    mutating func check(
        step: Int, _ input: Input, at time: Timestamp, _ engine: CustodyEngine,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        if !failed { pending.append((step, input, time)) }
        if step == 1 || step % period == 0 { verify(engine, sourceLocation) }
    }

    /// Checks the last step, if it was not checked: call it after the history's last step.
    mutating func finish(_ engine: CustodyEngine, sourceLocation: SourceLocation = #_sourceLocation) {
        if !pending.isEmpty { verify(engine, sourceLocation) }
    }

    private mutating func verify(_ engine: CustodyEngine, _ sourceLocation: SourceLocation) {
        checks += 1
        let found = engine.fullEvaluation()
        if failed { return }
        if found.isFixedPoint {
            settled = engine
            pending.removeAll(keepingCapacity: true)
            return
        }
        failed = true
        let last = pending[pending.count - 1]
        var first = (last, found)
        if var replayed = settled, pending.count > 1 {
            for entry in pending {
                _ = replayed.apply(entry.input, at: entry.time)
                let missed = replayed.fullEvaluation()
                if !missed.isFixedPoint {
                    first = (entry, missed)
                    break
                }
            }
        }
        let ((step, input, time), missed) = first
        let noticed = step == last.step ? "" : " (noticed after step \(last.step))"
        pending.removeAll()
        Issue.record(
            "step \(step)\(noticed), \(input) at \(time.milliseconds) ms: a full evaluation finds what the step's evaluation missed:\n\(missed)",
            sourceLocation: sourceLocation)
    }
}
