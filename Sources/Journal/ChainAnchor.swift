public import Foundation

/// A sequence number and the chain hash it had, kept outside the station to prove later that the chain
/// was not rewritten up to that point.
///
/// Its text form is `SEQ:HEX` (for example `1042:9f86d0…`), what `custodyctl journal head` prints and
/// `custodyctl journal verify --anchor` takes.
public struct ChainAnchor: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The sequence number anchored.
    public var seq: Int64
    /// The SHA-256 chain hash of that entry.
    public var hash: Data

    /// An anchor from its parts.
    public init(seq: Int64, hash: Data) {
        self.seq = seq
        self.hash = hash
    }

    /// Parses `SEQ:HEX`; nil when malformed.
    public init?(_ text: String) {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let seq = Int64(parts[0]), seq > 0, parts[1].count == 64 else { return nil }
        var bytes = Data()
        var index = parts[1].startIndex
        while index < parts[1].endIndex {
            let next = parts[1].index(index, offsetBy: 2)
            guard let byte = UInt8(parts[1][index..<next], radix: 16) else { return nil }
            bytes.append(byte)
            index = next
        }
        self.init(seq: seq, hash: bytes)
    }

    /// The `SEQ:HEX` form.
    public var description: String { "\(seq):" + hash.map { String(format: "%02x", $0) }.joined() }
}
