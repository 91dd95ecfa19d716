import Foundation
import Testing
@testable import Journal

/// An attacker who also recomputes every hash after an edit passes a plain `verify`; anchors kept outside
/// the station catch it.
struct AnchorTests {
    /// Edits the body of `seq` and rewrites the chain from there, as a careful attacker would.
    static func rewrite(_ path: String, from seq: Int64) throws {
        let database = try SQLiteDatabase(path: path, mode: .readWrite)
        try database.execute(TamperTests.dropTriggers)
        try database.statement("UPDATE entries SET body = ? WHERE seq = ?").run([.blob(Data("{}".utf8)), .integer(seq)])
        var previous = try database.statement("SELECT hash FROM entries WHERE seq = ?").rows([.integer(seq - 1)]) { $0.blob(0) }
            .first ?? ChainHash.genesis
        let rows = try database.statement("SELECT seq, at_ms, kind, subject, actor, body FROM entries WHERE seq >= ? ORDER BY seq")
            .rows([.integer(seq)]) { ($0.int64(0), $0.int64(1), $0.text(2), $0.text(3), $0.optionalText(4), $0.blob(5)) }
        for row in rows {
            previous = ChainHash.compute(previous: previous, seq: row.0, at: row.1, kind: row.2, subject: row.3,
                                         actor: row.4, body: row.5)
            try database.statement("UPDATE entries SET hash = ? WHERE seq = ?").run([.blob(previous), .integer(row.0)])
        }
        try database.statement("UPDATE chain_head SET hash = ?").run([.blob(previous)])
        database.close()
    }

    @Test func aRewrittenChainPassesAloneButNotAgainstItsAnchors() throws {
        let directory = TemporaryDirectory()
        let path = try TamperTests.journal(entries: 20, in: directory)
        let reader = try JournalReader(path: path)
        let early = try #require(try reader.verify().isIntact ? try reader.entries(after: 2, limit: 1).first : nil)
        let head = try #require(try reader.chainHead())
        #expect(head.seq == 20)
        let anchors = [ChainAnchor(seq: early.seq, hash: early.hash), head]

        try Self.rewrite(path, from: 6)
        let rewritten = try JournalReader(path: path)
        #expect(try rewritten.verify().isIntact)
        let caught = try rewritten.verify(anchors: anchors)
        #expect(caught.problem == .rewritten(seq: 20))
        #expect(caught.lastIntactSeq == 3)
        #expect(caught.description.contains("rewritten after entry 3, at or before entry 20"))
    }

    @Test func anchorsRoundTripThroughTheirTextForm() throws {
        let anchor = ChainAnchor(seq: 42, hash: Data((0..<32).map(UInt8.init)))
        #expect(ChainAnchor(anchor.description) == anchor)
        #expect(ChainAnchor("42:abc") == nil)
        #expect(ChainAnchor("x:" + String(repeating: "0", count: 64)) == nil)
    }

    @Test func anAnchorBeyondTheEndMeansTruncation() throws {
        let directory = TemporaryDirectory()
        let path = try TamperTests.journal(entries: 20, in: directory)
        let head = try #require(try JournalReader(path: path).chainHead())
        _ = try TamperTests.shell(path, TamperTests.dropTriggers + "DELETE FROM entries WHERE seq > 15; UPDATE chain_head "
            + "SET seq = 15, hash = (SELECT hash FROM entries WHERE seq = 15);")
        let reader = try JournalReader(path: path)
        #expect(try reader.verify().isIntact)
        #expect(try reader.verify(anchors: [head]).problem == .missing(seq: 16))
    }
}
