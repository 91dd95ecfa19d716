import Foundation
import Testing
@testable import Journal

struct RebuildTests {
    @Test func projectionsRebuiltFromTheChainMatchTheOnesKeptLive() throws {
        let directory = TemporaryDirectory()
        let journal = try ProjectionTests.station(in: directory, key: .random())
        let now = Sample.t0 + 6 * ProjectionTests.hour
        let reader = try journal.makeReader()
        let before = (try reader.peopleInCustody(now: now), try reader.alerts(), try reader.devices(),
                      try reader.timeline(person: "P-1", now: now), try reader.sessions(from: 0, to: now, now: now))
        journal.close()

        let path = directory.path("j.db")
        _ = try TamperTests.shell(path, "DELETE FROM alerts; UPDATE custody_sessions SET released_at = 1; DELETE FROM zone_visits;")
        #expect(try CustodyJournal.rebuildProjections(path: path) == 11)
        let rebuilt = try JournalReader(path: path)
        #expect(try rebuilt.peopleInCustody(now: now) == before.0)
        #expect(try rebuilt.alerts() == before.1)
        #expect(try rebuilt.devices() == before.2)
        #expect(try rebuilt.timeline(person: "P-1", now: now) == before.3)
        #expect(try rebuilt.sessions(from: 0, to: now, now: now) == before.4)
        #expect(try rebuilt.verify().isIntact)
    }

    @Test func entriesReadBackWithTheChangesTheyCarried() throws {
        let directory = TemporaryDirectory()
        let journal = try ProjectionTests.station(in: directory, key: .random())
        let first = try #require(try journal.makeReader().entries(limit: 1).first)
        #expect(first.changes.count == 3)
        guard case let .custodyOpened(person, name, id, _) = first.changes[0] else {
            Issue.record("expected custodyOpened, got \(first.changes[0])")
            return
        }
        #expect(person == "P-1" && name == "Zhang San" && id?.last4 == "002X")
    }

    @Test func editingTheStoredChangesIsDetected() throws {
        let directory = TemporaryDirectory()
        _ = try ProjectionTests.station(in: directory, key: .random()).close()
        let path = directory.path("j.db")
        _ = try TamperTests.shell(path, TamperTests.dropTriggers
            + "UPDATE entries SET changes = CAST(replace(CAST(changes AS TEXT), 'released', 'escaped') AS BLOB) WHERE seq = 11;")
        #expect(try JournalReader(path: path).verify().problem == .altered(seq: 11))
    }

    @Test func aRunningWriterBlocksARebuild() throws {
        let directory = TemporaryDirectory()
        let journal = try CustodyJournal(path: directory.path("j.db"))
        #expect(throws: JournalError.self) { try CustodyJournal.rebuildProjections(path: directory.path("j.db")) }
        journal.close()
    }
}

extension RebuildTests {
    @Test func aJournalWithEntriesFromBeforeVersion3IsNotRebuiltIncompletely() throws {
        let directory = TemporaryDirectory()
        let path = try MigrationTests.file(at: 2, in: directory)
        let message = "\(path): entries 1...3 were written before entries kept their projection changes; "
            + "a rebuild would lose their effect, so the projections were left as they are"
        #expect(throws: JournalError.invalidArgument(message)) { try CustodyJournal.rebuildProjections(path: path) }
    }
}
