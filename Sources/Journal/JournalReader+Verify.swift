import Foundation

extension JournalReader {
    /// Walks the whole chain from the first entry and reports the first altered or missing sequence number.
    ///
    /// Every hash is recomputed from the fields, so an edited, deleted or reordered row is found at its own
    /// sequence number. Deleting the newest entries is found through the chain head written with each
    /// commit. Runs in constant memory.
    ///
    /// The chain needs no secret, so someone with write access could recompute every hash after an edit.
    /// `anchors` closes that gap: heads recorded outside the station (`chainHead()` printed in a daily
    /// report, sent to the district centre) must still match, or the walk stops with `.rewritten`.
    public func verify(anchors: [ChainAnchor] = []) throws(JournalError) -> ChainVerification {
        let anchored = Dictionary(anchors.map { ($0.seq, $0.hash) }, uniquingKeysWith: { first, _ in first })
        let lastAnchor = anchors.map(\.seq).max() ?? 0
        var expectedSeq: Int64 = 1
        var previous = ChainHash.genesis
        var checked: Int64 = 0
        let pageSize = 20_000
        // The head first: the writer moves it in the same transaction as the entries it covers, so every
        // entry up to it exists now, and entries a running daemon appends while the walk goes on only
        // lengthen the chain (a live journal verifies without a false "missing").
        let head = try read { database throws(JournalError) in
            try database.statement("SELECT seq, hash FROM chain_head WHERE id = 1").rows { ($0.int64(0), $0.blob(1)) }.first
        }
        var hashAtHead: Data?
        while true {
            let from = expectedSeq - 1
            let page = try read { database throws(JournalError) in
                try database.statement("SELECT \(entryColumns) FROM entries WHERE seq > ? ORDER BY seq LIMIT ?")
                    .rows([.integer(from), .integer(Int64(pageSize))]) { row in
                        (seq: row.int64(0), at: row.int64(1), kind: row.text(2), subject: row.text(3),
                         actor: row.optionalText(4), body: row.blob(5), hash: row.blob(6), changes: row.optionalBlob(7))
                    }
            }
            for row in page {
                let intactUpTo = expectedSeq - 1
                guard row.seq == expectedSeq else {
                    return ChainVerification(entriesChecked: checked, lastIntactSeq: intactUpTo,
                                             problem: .missing(seq: expectedSeq))
                }
                let hash = ChainHash.compute(previous: previous, seq: row.seq, at: row.at, kind: row.kind,
                                             subject: row.subject, actor: row.actor, body: row.body,
                                             changes: row.changes)
                checked += 1
                guard hash == row.hash else {
                    return ChainVerification(entriesChecked: checked, lastIntactSeq: intactUpTo,
                                             problem: .altered(seq: row.seq))
                }
                if let expected = anchored[row.seq], expected != hash {
                    return ChainVerification(entriesChecked: checked, lastIntactSeq: Self.intactBefore(row.seq, anchors),
                                             problem: .rewritten(seq: row.seq))
                }
                previous = hash
                if row.seq == head?.0 { hashAtHead = hash }
                expectedSeq += 1
            }
            if page.count < pageSize { break }
        }
        let last = expectedSeq - 1
        if lastAnchor > last {
            return ChainVerification(entriesChecked: checked, lastIntactSeq: last, problem: .missing(seq: last + 1))
        }
        if let head {
            if head.0 > last {
                return ChainVerification(entriesChecked: checked, lastIntactSeq: last, problem: .missing(seq: last + 1))
            }
            if head.1 != hashAtHead {
                return ChainVerification(entriesChecked: checked, lastIntactSeq: head.0 - 1, problem: .altered(seq: head.0))
            }
        } else if last > 0 {
            return ChainVerification(entriesChecked: checked, lastIntactSeq: last, problem: .missing(seq: last + 1))
        }
        return ChainVerification(entriesChecked: checked, lastIntactSeq: last, problem: nil)
    }

    /// The newest entry's sequence number and hash, to record outside the station as an anchor.
    public func chainHead() throws(JournalError) -> ChainAnchor? {
        try read { database throws(JournalError) in
            try database.statement("SELECT seq, hash FROM entries ORDER BY seq DESC LIMIT 1")
                .rows { ChainAnchor(seq: $0.int64(0), hash: $0.blob(1)) }.first
        }
    }

    /// The last sequence number known good when a rewrite is found at `seq`: the previous matching anchor.
    private static func intactBefore(_ seq: Int64, _ anchors: [ChainAnchor]) -> Int64 {
        anchors.map(\.seq).filter { $0 < seq }.max() ?? 0
    }
}
