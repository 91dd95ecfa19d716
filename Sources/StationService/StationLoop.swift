public import CustodyCore
import Foundation
import Synchronization

/// Receives every apply of the loop, in order, on the loop's thread: the place where effects are carried
/// out and everything is journaled. It must not block on the disk (the journal's append only queues).
public protocol EffectSink: Sendable {
    func applied(_ input: Input, at time: Timestamp, outcome: Outcome, engine: CustodyEngine)
}

/// The station's event loop: one OS thread owns the custody engine and feeds it, in order, what the
/// field buses saw and what officers asked, and a `.tick` exactly when the engine's next deadline is due.
///
/// A fire signal goes to the front of the queue. Callers on bus threads hand over observations without
/// waiting; API handlers await the outcome of their command.
public final class StationLoop: Sendable {
    public let clock: StationClock
    private let state: LoopState
    private let done = DispatchSemaphore(value: 0)

    public init(engine: CustodyEngine, clock: StationClock, sink: any EffectSink) {
        self.clock = clock
        let state = LoopState(engine: engine)
        self.state = state
        let thread = Thread { [done] in
            Self.run(state: state, clock: clock, sink: sink)
            done.signal()
        }
        thread.name = "station-loop"
        thread.start()
    }

    /// Queues an observation or a tick; returns at once.
    public func submit(_ input: Input) {
        state.enqueue(Job(input: input, completion: nil))
    }

    /// Applies a command and returns its outcome (effects, or the reason it was refused).
    public func perform(_ command: Command) async -> Outcome {
        await withCheckedContinuation { continuation in
            state.enqueue(Job(input: .command(command)) { continuation.resume(returning: $0) })
        }
    }

    /// Applies an observation reported through the API and returns its outcome.
    public func perform(_ observation: Observation) async -> Outcome {
        await withCheckedContinuation { continuation in
            state.enqueue(Job(input: .observation(observation)) { continuation.resume(returning: $0) })
        }
    }

    /// Reads the engine's state between applies.
    public func read<T: Sendable>(_ body: @escaping @Sendable (CustodyEngine) -> T) async -> T {
        await withCheckedContinuation { continuation in
            state.enqueueRead { continuation.resume(returning: body($0)) }
        }
    }

    /// When the loop last finished a pass (for the systemd watchdog: a stuck loop stops the pings).
    public var lastProgress: ContinuousClock.Instant { state.lastProgress }

    /// Inputs applied since start.
    public var appliedCount: Int { state.appliedCount }

    /// Finishes the input in hand and stops; queued inputs are dropped (their observations will be seen again).
    public func stop() {
        state.close()
        done.wait()
    }

    struct Job: Sendable {
        let input: Input
        let completion: (@Sendable (Outcome) -> Void)?
    }

    private static func run(state: LoopState, clock: StationClock, sink: any EffectSink) {
        while let work = state.next(clock: clock) {
            switch work {
            case .apply(let job):
                let outcome = state.apply(job.input, at: clock.now())
                sink.applied(job.input, at: outcome.time, outcome: outcome.outcome, engine: outcome.engine)
                job.completion?(outcome.outcome)
            case .read(let body):
                state.withEngine(body)
            }
            state.markProgress()
        }
    }
}

/// The loop's queue and engine. `@unchecked Sendable`: every stored property is touched only while
/// `condition` is locked, except `engine`, which only the loop thread reads and writes.
final class LoopState: @unchecked Sendable {
    enum Work { case apply(StationLoop.Job), read(@Sendable (CustodyEngine) -> Void) }

    private let condition = NSCondition()
    private var urgent: [StationLoop.Job] = []
    private var queue: [StationLoop.Job] = []
    private var reads: [@Sendable (CustodyEngine) -> Void] = []
    private var closed = false
    private var engine: CustodyEngine
    private let progress = Mutex<ContinuousClock.Instant>(.now)
    private let applied = Atomic<Int>(0)

    init(engine: CustodyEngine) { self.engine = engine }

    func enqueue(_ job: StationLoop.Job) {
        condition.lock()
        if case .observation(.fire) = job.input { urgent.append(job) } else { queue.append(job) }
        condition.signal()
        condition.unlock()
    }

    func enqueueRead(_ body: @escaping @Sendable (CustodyEngine) -> Void) {
        condition.lock()
        reads.append(body)
        condition.signal()
        condition.unlock()
    }

    /// The next thing to do: urgent inputs, then queued inputs, then reads, then a tick when due.
    func next(clock: StationClock) -> Work? {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if closed { return nil }
            if !urgent.isEmpty { return .apply(urgent.removeFirst()) }
            if !queue.isEmpty { return .apply(queue.removeFirst()) }
            if !reads.isEmpty { return .read(reads.removeFirst()) }
            guard let deadline = engine.nextDeadline else {
                _ = condition.wait(until: Date().addingTimeInterval(1))
                markProgress()
                continue
            }
            let delay = clock.realDelay(until: deadline)
            if delay == .zero { return .apply(StationLoop.Job(input: .tick, completion: nil)) }
            let seconds = Double(delay.components.seconds) + Double(delay.components.attoseconds) / 1e18
            _ = condition.wait(until: Date().addingTimeInterval(min(seconds, 1)))
            markProgress()
        }
    }

    /// Applies `input` at `time`, or at the engine's own time if the wall clock has stepped back
    /// (a custody clock never runs backwards).
    func apply(_ input: Input, at time: Timestamp) -> (outcome: Outcome, engine: CustodyEngine, time: Timestamp) {
        let time = max(time, engine.now)
        let outcome = engine.apply(input, at: time)
        applied.add(1, ordering: .relaxed)
        return (outcome, engine, time)
    }

    func withEngine(_ body: @Sendable (CustodyEngine) -> Void) { body(engine) }

    func markProgress() { progress.withLock { $0 = .now } }

    /// Idle waits count as progress: the loop wakes at least once a second even with nothing to do.
    var lastProgress: ContinuousClock.Instant { progress.withLock { $0 } }

    var appliedCount: Int { applied.load(ordering: .relaxed) }

    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }
}
