import Foundation
import Testing
@testable import Journal

struct MigrationTests {
    /// A file left at `version` by an older build, with entries written the way that build wrote them.
    static func file(at version: Int, in directory: TemporaryDirectory) throws -> String {
        let path = directory.path("v\(version).db")
        let database = try SQLiteDatabase(path: path, mode: .readWrite)
        try JournalSchema.migrate(database, to: version)
        if version >= 1 {
            var previous = ChainHash.genesis
            for seq in Int64(1)...3 {
                let body = Data(#"{"n":\#(seq)}"#.utf8)
                previous = ChainHash.compute(previous: previous, seq: seq, at: Sample.t0, kind: "observation",
                                             subject: "person:P-1", actor: nil, body: body)
                try database.statement("INSERT INTO entries (seq, at_ms, kind, subject, actor, body, hash) VALUES (?, ?, 'observation', 'person:P-1', NULL, ?, ?)")
                    .run([.integer(seq), .integer(Sample.t0), .blob(body), .blob(previous)])
            }
            try database.statement("INSERT INTO chain_head VALUES (1, 3, ?)").run([.blob(previous)])
        }
        database.close()
        return path
    }

    @Test(arguments: 0..<JournalSchema.latestVersion)
    func everyEarlierVersionOpensAtTheLatest(version: Int) throws {
        let directory = TemporaryDirectory()
        let path = try Self.file(at: version, in: directory)
        let journal = try CustodyJournal(path: path)
        let seq = try journal.append(ProjectionTests.entry(0, .person("P-9"),
            .custodyOpened(person: "P-9", displayName: "Wang Wu", id: nil, arrivedAt: Sample.t0))).waitUntilDurable()
        #expect(seq == (version >= 1 ? 4 : 1))
        let reader = try journal.makeReader()
        #expect(reader.schemaVersion == JournalSchema.latestVersion)
        #expect(try reader.verify().isIntact)
        #expect(try reader.peopleInCustody(now: Sample.t0).map(\.person) == ["P-9"])
    }

    @Test func aNewerFileIsRefusedWithTheVersions() throws {
        let directory = TemporaryDirectory()
        let path = try Self.file(at: JournalSchema.latestVersion, in: directory)
        let database = try SQLiteDatabase(path: path, mode: .readWrite)
        try database.execute("PRAGMA user_version = 99")
        database.close()
        #expect(throws: JournalError.schemaTooNew(path: path, found: 99, supported: JournalSchema.latestVersion)) {
            try CustodyJournal(path: path)
        }
    }
}
