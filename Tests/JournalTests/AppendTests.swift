import Foundation
import Testing
@testable import Journal

struct AppendTests {
    @Test func appendsGetConsecutiveSequenceNumbersOnceDurable() async throws {
        let directory = TemporaryDirectory()
        let journal = try CustodyJournal(path: directory.path("j.db"))
        var seqs: [Int64] = []
        for index in 0..<5 { seqs.append(try await journal.appendDurably(Sample.observation(index))) }
        let tickets = journal.append(contentsOf: Sample.observations(100))
        for ticket in tickets { seqs.append(try await ticket.durable()) }
        #expect(seqs == Array(1...105))
        journal.close()
        let reader = try JournalReader(path: directory.path("j.db"))
        #expect(try reader.lastSeq() == 105)
        #expect(try reader.verify().isIntact)
    }

    @Test func aThreadCanWaitForDurabilityWithoutAsync() throws {
        let directory = TemporaryDirectory()
        let journal = try CustodyJournal(path: directory.path("j.db"))
        let seqs = try journal.appendAndWait(Sample.observations(10))
        #expect(seqs == Array(1...10))
        #expect(try journal.append(Sample.observation(11)).waitUntilDurable() == 11)
    }

    @Test func reopeningContinuesTheChain() throws {
        let directory = TemporaryDirectory()
        let path = directory.path("j.db")
        do {
            let journal = try CustodyJournal(path: path)
            _ = try journal.appendAndWait(Sample.observations(20))
            journal.close()
        }
        let journal = try CustodyJournal(path: path)
        #expect(try journal.appendAndWait(Sample.observations(3)) == [21, 22, 23])
        journal.close()
        let verification = try JournalReader(path: path).verify()
        #expect(verification == ChainVerification(entriesChecked: 23, lastIntactSeq: 23, problem: nil))
    }

    @Test func closingWritesWhatWasQueuedAndRefusesLaterAppends() throws {
        let directory = TemporaryDirectory()
        let path = directory.path("j.db")
        let journal = try CustodyJournal(path: path)
        let queued = journal.append(contentsOf: Sample.observations(500))
        journal.close()
        #expect(queued.allSatisfy { (try? $0.outcome?.get()) != nil })
        let late = journal.append(Sample.observation(501))
        #expect(late.outcome == .failure(.closed(path: path)))
        #expect(try JournalReader(path: path).lastSeq() == 500)
    }

    @Test func replayReadsEntriesInOrderFilteredByKind() throws {
        let directory = TemporaryDirectory()
        let journal = try CustodyJournal(path: directory.path("j.db"))
        var entries = Sample.observations(30)
        entries[10].kind = .command
        entries[10].actor = "officer-7"
        entries[20].kind = .command
        _ = try journal.appendAndWait(entries)
        let reader = try journal.makeReader()
        let commands = try reader.entries(kinds: [.command])
        #expect(commands.map(\.seq) == [11, 21])
        #expect(commands[0].actor == "officer-7")
        #expect(commands[0].bodyText == #"{"reader":"r-3","tag":"W-10"}"#)
        var replayed: [Int64] = []
        try reader.forEachEntry(after: 5) { replayed.append($0.seq) }
        #expect(replayed == Array(6...30))
    }

    @Test func anEntryMayCarryAnEarlierTimeThanThePreviousOne() throws {
        let directory = TemporaryDirectory()
        let journal = try CustodyJournal(path: directory.path("j.db"))
        let release = NewEntry(at: Sample.t0 + 5_000, kind: .effect, subject: .station, json: #"{"fire":"release-all"}"#)
        let logged = NewEntry(at: Sample.t0 + 4_000, kind: .observation, subject: .device("fire-panel"),
                              json: #"{"fire":true}"#)
        #expect(try journal.appendAndWait([release, logged]) == [1, 2])
        #expect(try journal.makeReader().verify().isIntact)
    }

    @Test func concurrentAppendersAllGetDistinctDurableSeqs() async throws {
        let directory = TemporaryDirectory()
        let journal = try CustodyJournal(path: directory.path("j.db"))
        let seqs = try await withThrowingTaskGroup(of: [Int64].self) { group in
            for task in 0..<8 {
                group.addTask {
                    var mine: [Int64] = []
                    for index in 0..<50 {
                        mine.append(try await journal.appendDurably(Sample.observation(index, person: "P-\(task)")))
                    }
                    return mine
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        #expect(seqs.sorted() == Array(1...400))
        #expect(try journal.makeReader().verify().isIntact)
    }
}
