public import CustodyCore
import CustodyRecording
import Foundation
public import Journal
import Synchronization

/// The loop's sink for the journal and the event stream: every apply is journaled (input, rejection,
/// effects, projections) and then published to the hub.
///
/// Appends only queue (the journal commits in groups on its own thread), so the loop never waits for the
/// disk. The API waits with `waitUntilDurable()` before it answers a command, so an officer's request is
/// acknowledged only once its entry is on disk. The daemon wraps this sink to carry out door effects.
public final class JournalingSink: EffectSink, Sendable {
    private let journal: CustodyJournal
    private let hub: EventHub?
    private let metrics: MetricsRegistry?
    private let recorder = CustodyRecorder()
    private let last = Mutex<AppendTicket?>(nil)

    /// A sink appending to `journal`, publishing to `hub` and timing commits into `metrics`.
    public init(journal: CustodyJournal, hub: EventHub? = nil, metrics: MetricsRegistry? = nil) {
        self.journal = journal
        self.hub = hub
        self.metrics = metrics
    }

    public func applied(_ input: Input, at time: Timestamp, outcome: Outcome, engine: CustodyEngine) {
        let entries = recorder.entries(for: input, at: time, outcome: outcome, engine: engine)
        let tickets = journal.append(contentsOf: entries)
        if let ticket = tickets.last {
            last.withLock { $0 = ticket }
            if let metrics { Self.time(ticket, into: metrics) }
        }
        metrics?.increment(MetricsRegistry.Name.loopInputs)
        hub?.publish(contentsOf: StationEvent.events(for: input, at: time, outcome: outcome))
    }

    /// Returns once everything appended so far is durable; throws the journal's error if it is not.
    public func waitUntilDurable() async throws(JournalError) {
        guard let ticket = last.withLock({ $0 }) else { return }
        _ = try await ticket.durable()
    }

    private static func time(_ ticket: AppendTicket, into metrics: MetricsRegistry) {
        let started = ContinuousClock.now
        Task.detached {
            do {
                _ = try await ticket.durable()
                let elapsed = ContinuousClock.now - started
                let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
                metrics.observe(MetricsRegistry.Name.journalCommitSeconds, seconds)
            } catch {
                metrics.increment(MetricsRegistry.Name.journalErrors)
            }
        }
    }
}
