import CustodyCore
import Foundation
import StationService
import Synchronization
import Testing

/// Collects what the loop applied, and lets a test await a condition on it.
final class CollectingSink: EffectSink {
    let log = Mutex<[(Input, Timestamp, Outcome)]>([])

    func applied(_ input: Input, at time: Timestamp, outcome: Outcome, engine: CustodyEngine) {
        log.withLock { $0.append((input, time, outcome)) }
    }

    /// Waits (up to `seconds`) until `condition` holds over the effects so far, without holding a
    /// cooperative-pool thread while it waits.
    func await(seconds: Double = 5, _ condition: ([Effect]) -> Bool) async -> Bool {
        let deadline = ContinuousClock.now.advanced(by: .milliseconds(Int(seconds * 1000)))
        while !condition(effects) {
            guard ContinuousClock.now < deadline else { return false }
            try? await Task.sleep(for: .milliseconds(5))
        }
        return true
    }

    var effects: [Effect] { log.withLock { $0.flatMap(\.2.effects) } }
    var inputs: [Input] { log.withLock { $0.map(\.0) } }
}

@Suite("The station loop")
struct StationLoopTests {
    static let layout = StationLayout(
        zones: [.init(id: "corridor", kind: .corridor), .init(id: "holding-1", kind: .holding, watchPost: "duty"), .init(id: "duty", kind: .dutyPost)],
        doors: [.init(id: "d-h1", between: "corridor", and: "holding-1", lock: "lock-h1")],
        readers: [.init(id: "r-c", zone: "corridor")],
        officers: [.init(id: "o1", name: "Wang Wei", sex: .male, tag: "t-o1")])

    static func registration(_ person: PersonID) -> Registration {
        Registration(
            person: person, role: .suspect, sex: .male, birthDate: CalendarDate(year: 1990, month: 5, day: 1),
            caseID: "case-1", measure: .criminalSummons)
    }

    @Test func wakesForTheEnginesDeadlinesWithoutBeingTicked() async throws {
        let start = Timestamp(milliseconds: 1_795_564_800_000)
        // One station hour per 50 ms of real time: the 12-hour summons clock warns within a second.
        let clock = StationClock(scale: 72_000, origin: start)
        let sink = CollectingSink()
        let loop = StationLoop(engine: CustodyEngine(layout: Self.layout, start: start), clock: clock, sink: sink)
        defer { loop.stop() }
        let outcome = await loop.perform(Command(by: "o1", .register(Self.registration("p1"))))
        #expect(outcome.isAccepted)
        let warned = await sink.await { effects in
            effects.contains { if case .raiseAlert(let a) = $0 { a.key.rule == .clk01 } else { false } }
        }
        #expect(warned, "CLK-01 should warn by itself once its deadline passes")
        #expect(sink.inputs.contains(.tick))
        let clocks = await loop.read { $0.clocks(for: "p1") }
        #expect(!clocks.isEmpty)
    }

    @Test func aRefusedCommandComesBackWithItsReason() async {
        let sink = CollectingSink()
        let loop = StationLoop(engine: CustodyEngine(layout: Self.layout), clock: .wall, sink: sink)
        defer { loop.stop() }
        let outcome = await loop.perform(Command(by: "o1", .safetyCheckDone(person: "nobody")))
        #expect(outcome.rejection?.reason == .unknownPerson)
    }

    @Test func aFireSignalReleasesEveryLockFirst() async {
        let sink = CollectingSink()
        let loop = StationLoop(engine: CustodyEngine(layout: Self.layout), clock: .wall, sink: sink)
        defer { loop.stop() }
        loop.submit(.observation(.fire(active: true)))
        let released = await sink.await { $0.first == .door(.releaseAll) }
        #expect(released)
        let active = await loop.read { $0.isFireActive }
        #expect(active)
    }
}
