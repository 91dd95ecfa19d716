/// The result of walking the hash chain.
public struct ChainVerification: Sendable, Hashable, Codable, CustomStringConvertible {
    /// What was wrong with the chain, at the first sequence number where it goes wrong.
    public enum Problem: Sendable, Hashable, Codable {
        /// The entry with this sequence number is not what was written (edited, or moved from elsewhere).
        case altered(seq: Int64)
        /// No entry has this sequence number, but the chain says one was written.
        case missing(seq: Int64)
        /// The chain is consistent but differs from an anchor recorded at this sequence number: it was
        /// rewritten (hashes recomputed) somewhere after the previous anchor, at or before this one.
        case rewritten(seq: Int64)
    }

    /// Entries read before the walk stopped.
    public var entriesChecked: Int64
    /// The last sequence number found intact.
    public var lastIntactSeq: Int64
    /// Nil when the chain is intact.
    public var problem: Problem?

    /// True when every entry and the chain head check out.
    public var isIntact: Bool { problem == nil }

    /// The first bad sequence number, if any.
    public var firstBadSeq: Int64? {
        switch problem {
        case let .altered(seq), let .missing(seq), let .rewritten(seq): seq
        case nil: nil
        }
    }

    public var description: String {
        switch problem {
        case nil:
            "chain intact: \(entriesChecked) entries, seq 1...\(lastIntactSeq)"
        case let .altered(seq):
            "chain BROKEN: entry \(seq) was altered or moved (entries 1...\(lastIntactSeq) intact)"
        case let .missing(seq):
            "chain BROKEN: entry \(seq) is missing (entries 1...\(lastIntactSeq) intact)"
        case let .rewritten(seq):
            "chain BROKEN: rewritten after entry \(lastIntactSeq), at or before entry \(seq) (its hash differs from the anchor)"
        }
    }
}
