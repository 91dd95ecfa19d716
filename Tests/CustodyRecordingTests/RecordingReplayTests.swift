import CustodyCore
import CustodyRecording
import Foundation
import Journal
import Testing

@Suite("Recording core runs in the journal and rebuilding the engine from it")
struct RecordingReplayTests {
    static let layout = StationLayout(
        zones: [
            .init(id: "entrance", kind: .entrance), .init(id: "corridor", kind: .corridor),
            .init(id: "holding-1", kind: .holding, watchPost: "duty"), .init(id: "interview-1", kind: .interview),
            .init(id: "duty", kind: .dutyPost),
        ],
        doors: [.init(id: "d-h1", between: "corridor", and: "holding-1", lock: "lock-h1")],
        readers: [.init(id: "r-c", zone: "corridor"), .init(id: "r-h1", zone: "holding-1"), .init(id: "r-i1", zone: "interview-1")],
        recorders: [.init(id: "rec-i1", zone: "interview-1")],
        officers: [.init(id: "o1", name: "Wang Wei", sex: .male, tag: "t-o1"), .init(id: "o2", name: "Li Na", sex: .female, tag: "t-o2")])
    static let start = Timestamp(milliseconds: 1_795_564_800_000 + 2 * 3_600_000)

    static func history() -> [(Input, Timestamp)] {
        let registration = Registration(
            person: "p1", role: .suspect, sex: .male, birthDate: CalendarDate(year: 1990, month: 5, day: 1), caseID: "case-1",
            measure: .criminalSummons, idHash: "00ff10ab", idLast4: "123X")
        var steps: [(Input, Int64)] = [
            (.command(Command(by: "o1", .register(registration))), 0),
            (.command(Command(by: "o1", .assignWristband(person: "p1", tag: "t-p1"))), 1_000),
            (.observation(.tagSeen(tag: "t-p1", zone: "corridor")), 5_000),
            (.observation(.tagSeen(tag: "t-o1", zone: "corridor")), 5_500),
            (.command(Command(by: "o1", .release(person: "nobody", checklist: ReleaseChecklist(
                belongingsReturned: true, exitHealthNote: "", familyNotified: true, destination: "home", pickupOrEscort: nil)))), 9_000),
        ]
        // Time passes: the single-officer escort and the clocks climb their ladders.
        for hour in 1...13 { steps.append((.tick, Int64(hour) * 3_600_000)) }
        return steps.map { ($0.0, start + TimeSpan(milliseconds: $0.1)) }
    }

    @Test func replayingTheJournalRebuildsTheSameEngine() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("replay-\(UUID().uuidString).db").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let journal = try CustodyJournal(path: path)
        var engine = CustodyEngine(layout: Self.layout, start: Self.start)
        let recorder = CustodyRecorder()
        var raised = 0
        var rejected = 0
        for (input, time) in Self.history() {
            let outcome = engine.apply(input, at: time)
            raised += outcome.effects.filter { if case .raiseAlert = $0 { true } else { false } }.count
            if !outcome.isAccepted { rejected += 1 }
            _ = try journal.appendAndWait(recorder.entries(for: input, at: time, outcome: outcome, engine: engine))
        }
        #expect(raised > 0, "the history must raise alerts for the replay to prove anything")
        #expect(rejected == 1)
        journal.close()

        let reader = try JournalReader(path: path)
        var heard: [Int] = []
        let rebuilt = try EngineReplay.rebuild(layout: Self.layout, parameters: .defaults, from: reader, progressEvery: 5) {
            heard.append($0)
        }
        #expect(rebuilt.inputs == Self.history().count)
        #expect(heard == Array(stride(from: 5, through: Self.history().count, by: 5)), "progress every 5 inputs")
        #expect(rebuilt.engine == engine)
        #expect(rebuilt.engine.clocks(for: "p1").map(\.start) == engine.clocks(for: "p1").map(\.start))
    }

    @Test func anUnreadableInputStopsTheRebuildNamingItsSequenceNumber() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID().uuidString).db").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let journal = try CustodyJournal(path: path)
        var engine = CustodyEngine(layout: Self.layout, start: Self.start)
        for (input, time) in Self.history().prefix(3) {
            let outcome = engine.apply(input, at: time)
            _ = try journal.appendAndWait(CustodyRecorder().entries(for: input, at: time, outcome: outcome, engine: engine))
        }
        let bad = try journal.appendAndWait([
            NewEntry(at: Self.start.milliseconds + 6_000, kind: .observation, subject: .station, body: Data("{\"at\":".utf8))
        ])
        journal.close()
        let error = #expect(throws: ReplayError.self) {
            try EngineReplay.rebuild(layout: Self.layout, parameters: .defaults, from: try JournalReader(path: path))
        }
        #expect(error?.description.hasPrefix("journal entry \(bad[0]) is not a readable core input") == true, "\(String(describing: error))")
    }

    @Test func projectionsFollowTheRecordedEffects() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("proj-\(UUID().uuidString).db").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let journal = try CustodyJournal(path: path)
        defer { journal.close() }
        var engine = CustodyEngine(layout: Self.layout, start: Self.start)
        for (input, time) in Self.history() {
            let outcome = engine.apply(input, at: time)
            _ = try journal.appendAndWait(CustodyRecorder().entries(for: input, at: time, outcome: outcome, engine: engine))
        }
        let reader = try journal.makeReader()
        let now = (Self.start + TimeSpan(milliseconds: 13 * 3_600_000)).milliseconds
        let people = try reader.peopleInCustody(now: now)
        #expect(people.map(\.person) == ["p1"])
        #expect(people.first?.idLast4 == "123X")
        #expect(people.first?.clocks.isEmpty == false)
        let open = try reader.alerts(AlertFilter(states: [.open]))
        #expect(Set(open.map(\.id)) == Set(engine.openAlerts.map(\.key.description)))
        #expect(try reader.verify().isIntact)
    }
}
