import Foundation
import Synchronization
import Testing
@testable import Journal

struct StorageFullTests {
    @Test func aFullDatabaseIsReportedOnceKeepsAcknowledgedEntriesAndRecovers() throws {
        let directory = TemporaryDirectory()
        let path = directory.path("j.db")
        let reports = Mutex<[JournalHealth]>([])
        let options = CustodyJournal.Options(pageLimit: 40) { health in reports.withLock { $0.append(health) } }
        let journal = try CustodyJournal(path: path, options: options)
        var acknowledged: [Int64] = []
        var failures: [JournalError] = []
        for index in 0..<2_000 {
            switch Result(catching: { () throws(JournalError) -> Int64 in
                try journal.append(Sample.observation(index)).waitUntilDurable()
            }) {
            case let .success(seq): acknowledged.append(seq)
            case let .failure(error): failures.append(error)
            }
        }
        #expect(!acknowledged.isEmpty && failures.count > 10)
        #expect(Set(failures) == [.storageFull(path: path)])
        #expect(journal.health == .failing(.storageFull(path: path)))
        #expect(reports.withLock { $0 } == [.failing(.storageFull(path: path))])

        journal.setPageLimit(nil)
        let next = try journal.append(Sample.observation(9_999)).waitUntilDurable()
        #expect(next == Int64(acknowledged.count) + 1)
        #expect(reports.withLock { $0 } == [.failing(.storageFull(path: path)), .healthy])
        journal.close()

        let reader = try JournalReader(path: path)
        #expect(try reader.verify() == ChainVerification(entriesChecked: next, lastIntactSeq: next, problem: nil))
        #expect(try reader.entries(limit: 100_000).map(\.seq) == acknowledged + [next])
    }

    @Test func theErrorTellsTheOperatorWhatToDo() {
        let message = JournalError.storageFull(path: "/var/lib/custodyd/journal.db").description
        #expect(message.contains("/var/lib/custodyd/journal.db"))
        #expect(message.contains("free disk space"))
        #expect(message.contains("acknowledged entries are safe"))
    }
}
