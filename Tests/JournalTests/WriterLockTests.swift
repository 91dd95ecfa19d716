import Foundation
import Testing
@testable import Journal

struct WriterLockTests {
    @Test func aSecondWriterOnTheSameFileIsRefused() throws {
        let directory = TemporaryDirectory()
        let path = directory.path("j.db")
        let journal = try CustodyJournal(path: path)
        #expect(throws: JournalError.cannotOpen(path: path,
                                                reason: "another process is writing this journal (\(path).lock is locked)")) {
            try CustodyJournal(path: path)
        }
        withExtendedLifetime(journal) {}
    }
}
