import Foundation

extension JournalReader {
    /// Walks the whole chain from the first entry and reports the first altered or missing sequence number.
    ///
    /// Every hash is recomputed from the fields, so an edited, deleted or reordered row is found at its own
    /// sequence number. Deleting the newest entries is found through the chain head written with each
    /// commit. Runs in constant memory.
    public func verify() throws(JournalError) -> ChainVerification {
        var expectedSeq: Int64 = 1
        var previous = ChainHash.genesis
        var checked: Int64 = 0
        let pageSize = 20_000
        while true {
            let from = expectedSeq - 1
            let page = try read { database throws(JournalError) in
                try database.statement("SELECT \(Self.entryColumns) FROM entries WHERE seq > ? ORDER BY seq LIMIT ?")
                    .rows([.integer(from), .integer(Int64(pageSize))]) { row in
                        (seq: row.int64(0), at: row.int64(1), kind: row.text(2), subject: row.text(3),
                         actor: row.optionalText(4), body: row.blob(5), hash: row.blob(6))
                    }
            }
            for row in page {
                let intactUpTo = expectedSeq - 1
                guard row.seq == expectedSeq else {
                    return ChainVerification(entriesChecked: checked, lastIntactSeq: intactUpTo,
                                             problem: .missing(seq: expectedSeq))
                }
                let hash = ChainHash.compute(previous: previous, seq: row.seq, at: row.at, kind: row.kind,
                                             subject: row.subject, actor: row.actor, body: row.body)
                checked += 1
                guard hash == row.hash else {
                    return ChainVerification(entriesChecked: checked, lastIntactSeq: intactUpTo,
                                             problem: .altered(seq: row.seq))
                }
                previous = hash
                expectedSeq += 1
            }
            if page.count < pageSize { break }
        }
        let last = expectedSeq - 1
        let head = try read { database throws(JournalError) in
            try database.statement("SELECT seq, hash FROM chain_head WHERE id = 1").rows { ($0.int64(0), $0.blob(1)) }.first
        }
        if let head {
            if head.0 > last {
                return ChainVerification(entriesChecked: checked, lastIntactSeq: last, problem: .missing(seq: last + 1))
            }
            if head.0 == last, head.1 != previous {
                return ChainVerification(entriesChecked: checked, lastIntactSeq: last - 1, problem: .altered(seq: last))
            }
        } else if last > 0 {
            return ChainVerification(entriesChecked: checked, lastIntactSeq: last, problem: .missing(seq: last + 1))
        }
        return ChainVerification(entriesChecked: checked, lastIntactSeq: last, problem: nil)
    }
}
