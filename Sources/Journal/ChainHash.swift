import Crypto
import Foundation

/// The hash chain: each entry's hash covers the previous hash and every stored field of the entry.
///
/// Fields are length-prefixed so no two different entries encode to the same bytes. Anyone can recompute
/// the chain from the file alone; nothing secret is involved.
enum ChainHash {
    /// The "previous hash" of the first entry.
    static let genesis = Data(repeating: 0, count: 32)

    static func compute(previous: Data, seq: Int64, at: UTCMillis, kind: String, subject: String,
                        actor: String?, body: Data, changes: Data? = nil) -> Data {
        var hasher = SHA256()
        hasher.update(data: previous)
        var fixed = [UInt8]()
        fixed.reserveCapacity(16)
        append(UInt64(bitPattern: seq), to: &fixed)
        append(UInt64(bitPattern: at), to: &fixed)
        hasher.update(data: fixed)
        field(Data(kind.utf8), into: &hasher)
        field(Data(subject.utf8), into: &hasher)
        if let actor {
            field(Data(actor.utf8), into: &hasher)
        } else {
            hasher.update(data: [0xFF, 0xFF, 0xFF, 0xFF])
        }
        field(body, into: &hasher)
        // Entries written before schema version 3 have no changes and hash exactly as they did then.
        if let changes { field(changes, into: &hasher) }
        return Data(hasher.finalize())
    }

    private static func field(_ data: Data, into hasher: inout SHA256) {
        var length = [UInt8]()
        append32(UInt32(data.count), to: &length)
        hasher.update(data: length)
        hasher.update(data: data)
    }

    private static func append(_ value: UInt64, to bytes: inout [UInt8]) {
        for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }

    private static func append32(_ value: UInt32, to bytes: inout [UInt8]) {
        for shift in stride(from: 24, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
    }
}
