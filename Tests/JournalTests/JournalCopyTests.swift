import Foundation
import Testing
@testable import Journal

struct JournalCopyTests {
    @Test func aCopyTakenWhileWritingVerifiesAndNeverOverwrites() throws {
        let directory = TemporaryDirectory()
        let journal = try CustodyJournal(path: directory.path("live.db"))
        _ = try journal.appendAndWait(Sample.observations(300))
        let pending = journal.append(contentsOf: Sample.observations(300))
        let reader = try journal.makeReader()
        let copy = directory.path("copy.db")
        try reader.copy(to: copy)
        let copied = try JournalReader(path: copy).verify()
        #expect(copied.isIntact && copied.lastIntactSeq >= 300)
        #expect(throws: JournalError.invalidArgument("\(copy) already exists; a copy never overwrites a file")) {
            try reader.copy(to: copy)
        }
        _ = try pending.last?.waitUntilDurable()
    }
}
