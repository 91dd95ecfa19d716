import Foundation
import Testing
@testable import Journal

/// An attacker with the sqlite3 shell: drops the append-only triggers, then edits, deletes or reorders rows.
struct TamperTests {
    static func journal(entries count: Int, in directory: TemporaryDirectory) throws -> String {
        let path = directory.path("j.db")
        let journal = try CustodyJournal(path: path)
        var entries = Sample.observations(count)
        entries[3].actor = "officer-2"
        _ = try journal.appendAndWait(entries)
        journal.close()
        return path
    }

    static func shell(_ path: String, _ sql: String) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [path, sql]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let text = String(data: errors.fileHandleForReading.readDataToEndOfFile(), encoding: .utf8) ?? ""
        return (process.terminationStatus, text)
    }

    static let dropTriggers = "DROP TRIGGER entries_no_update; DROP TRIGGER entries_no_delete;"

    @Test func aJournalBeingWrittenVerifiesIntactWhileItGrows() throws {
        let directory = TemporaryDirectory()
        let path = directory.path("live.db")
        let journal = try CustodyJournal(path: path)
        _ = try journal.appendAndWait(Sample.observations(200))
        let writing = Thread {
            for round in 0..<400 { _ = try? journal.appendAndWait([Sample.observation(1_000 + round)]) }
        }
        writing.start()
        let reader = try JournalReader(path: path)
        var checks = 0
        var grew = false
        let first = try reader.lastSeq()
        while checks < 200 {
            let verification = try reader.verify()
            #expect(verification.isIntact, "check \(checks) of a live journal: \(verification)")
            if !verification.isIntact { break }
            grew = grew || verification.entriesChecked > first
            checks += 1
        }
        #expect(grew, "the writer appended while the chain was walked")
        while try reader.lastSeq() < 600 { usleep(1_000) }
        journal.close()
    }

    @Test func triggersRefuseUpdatesAndDeletes() throws {
        let directory = TemporaryDirectory()
        let path = try Self.journal(entries: 10, in: directory)
        let update = try Self.shell(path, "UPDATE entries SET body = x'00' WHERE seq = 4;")
        #expect(update.stderr.contains("append-only"))
        let delete = try Self.shell(path, "DELETE FROM entries WHERE seq = 4;")
        #expect(delete.stderr.contains("append-only"))
        #expect(try JournalReader(path: path).verify().isIntact)
    }

    @Test(arguments: [
        ("UPDATE entries SET body = CAST('{\"reader\":\"r-0\"}' AS BLOB) WHERE seq = 7", ChainVerification.Problem.altered(seq: 7)),
        ("UPDATE entries SET at_ms = at_ms - 60000 WHERE seq = 1", .altered(seq: 1)),
        ("UPDATE entries SET actor = 'officer-9' WHERE seq = 4", .altered(seq: 4)),
        ("UPDATE entries SET actor = NULL WHERE seq = 4", .altered(seq: 4)),
        ("UPDATE entries SET kind = 'command' WHERE seq = 12", .altered(seq: 12)),
        ("UPDATE entries SET subject = 'person:P-2' WHERE seq = 20", .altered(seq: 20)),
        ("UPDATE entries SET hash = zeroblob(32) WHERE seq = 9", .altered(seq: 9)),
        ("DELETE FROM entries WHERE seq = 1", .missing(seq: 1)),
        ("DELETE FROM entries WHERE seq = 13", .missing(seq: 13)),
        ("DELETE FROM entries WHERE seq >= 15", .missing(seq: 15)),
        ("DELETE FROM entries WHERE seq = 20", .missing(seq: 20)),
        ("UPDATE entries SET seq = -5 WHERE seq = 5; UPDATE entries SET seq = 5 WHERE seq = 8; "
            + "UPDATE entries SET seq = 8 WHERE seq = -5", .altered(seq: 5)),
        ("UPDATE entries SET seq = 25 WHERE seq = 6", .missing(seq: 6)),
    ])
    func verifyFindsTheFirstBadSequenceNumber(sql: String, expected: ChainVerification.Problem) throws {
        let directory = TemporaryDirectory()
        let path = try Self.journal(entries: 20, in: directory)
        let result = try Self.shell(path, Self.dropTriggers + sql + ";")
        #expect(result.status == 0, "\(result.stderr)")
        let verification = try JournalReader(path: path).verify()
        #expect(verification.problem == expected, "\(verification)")
    }

    @Test func auditReadingNeverTouchesTheFile() throws {
        let directory = TemporaryDirectory()
        let path = try Self.journal(entries: 50, in: directory)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let filesBefore = try FileManager.default.contentsOfDirectory(atPath: directory.url.path).sorted()
        let reader = try JournalReader(path: path, access: .audit)
        #expect(try reader.verify().isIntact)
        _ = try JournalExporter(reader: reader).range(from: 0, to: .max, format: .csv)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path).sorted() == filesBefore)
    }

    @Test func aNonJournalFileIsRefusedClearly() throws {
        let directory = TemporaryDirectory()
        let path = directory.path("other.db")
        _ = try Self.shell(path, "CREATE TABLE t(x);")
        #expect(throws: JournalError.corrupt(path: path, reason: "no journal tables (schema version 0)")) {
            try JournalReader(path: path)
        }
        let missing = directory.path("missing.db")
        #expect(throws: JournalError.cannotOpen(path: missing, reason: "no such file")) {
            try JournalReader(path: missing)
        }
    }
}
