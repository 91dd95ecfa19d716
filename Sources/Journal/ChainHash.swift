import Crypto
import Foundation

/// The hash chain: each entry's hash covers the previous hash and every stored field of the entry.
///
/// Fields are length-prefixed (32-bit big-endian) so no two different entries encode to the same bytes;
/// integers are 64-bit big-endian; a missing actor is the length 0xFFFFFFFF. Anyone can recompute the
/// chain from the file alone; nothing secret is involved.
enum ChainHash {
    /// The "previous hash" of the first entry.
    static let genesis = Data(repeating: 0, count: 32)

    static func compute(previous: Data, seq: Int64, at: UTCMillis, kind: String, subject: String,
                        actor: String?, body: Data, changes: Data? = nil) -> Data {
        var hasher = SHA256()
        hasher.update(data: previous)
        withUnsafeBytes(of: UInt64(bitPattern: seq).bigEndian) { hasher.update(bufferPointer: $0) }
        withUnsafeBytes(of: UInt64(bitPattern: at).bigEndian) { hasher.update(bufferPointer: $0) }
        field(kind, into: &hasher)
        field(subject, into: &hasher)
        if let actor {
            field(actor, into: &hasher)
        } else {
            withUnsafeBytes(of: UInt32.max) { hasher.update(bufferPointer: $0) }
        }
        length(body.count, into: &hasher)
        hasher.update(data: body)
        // Entries written before schema version 3 have no changes and hash exactly as they did then.
        if let changes {
            length(changes.count, into: &hasher)
            hasher.update(data: changes)
        }
        return Data(hasher.finalize())
    }

    private static func field(_ text: String, into hasher: inout SHA256) {
        var text = text
        text.withUTF8 { bytes in
            length(bytes.count, into: &hasher)
            hasher.update(bufferPointer: UnsafeRawBufferPointer(bytes))
        }
    }

    private static func length(_ count: Int, into hasher: inout SHA256) {
        withUnsafeBytes(of: UInt32(truncatingIfNeeded: count).bigEndian) { hasher.update(bufferPointer: $0) }
    }
}
