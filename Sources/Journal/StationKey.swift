public import Foundation
import Crypto

/// The station's secret key for personal ID numbers, which are never stored in clear.
///
/// The same ID number always maps to the same keyed hash at one station, which is what the
/// chained-summons rule needs; without the key the hash reveals nothing.
public struct StationKey: Sendable {
    private let key: SymmetricKey

    /// A key from raw bytes; at least 32 bytes.
    public init(bytes: Data) throws(JournalError) {
        guard bytes.count >= 32 else {
            throw .invalidArgument("the station key must be at least 32 bytes, got \(bytes.count)")
        }
        key = SymmetricKey(data: bytes)
    }

    /// A key read from a file (for example `/etc/custodyd/station.key`, mode 0400).
    public init(contentsOf url: URL) throws(JournalError) {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw .invalidArgument("cannot read the station key at \(url.path): \(error.localizedDescription)")
        }
        try self.init(bytes: data)
    }

    /// A fresh random key, for a new station or a test.
    public static func random() -> StationKey {
        StationKey(key: SymmetricKey(size: .bits256))
    }

    private init(key: SymmetricKey) { self.key = key }

    /// Hashes an ID number (spaces removed, letters upper-cased) and keeps its last four characters.
    public func protect(nationalID: String) -> ProtectedID {
        let normalized = nationalID.filter { !$0.isWhitespace }.uppercased()
        let mac = HMAC<SHA256>.authenticationCode(for: Data(normalized.utf8), using: key)
        return ProtectedID(hash: Data(mac), last4: String(normalized.suffix(4)))
    }
}

/// A personal ID number as the journal keeps it: an HMAC-SHA256 under the station key, and the last four
/// characters for display.
public struct ProtectedID: Sendable, Hashable, Codable {
    /// HMAC-SHA256 of the normalised ID number under the station key.
    public var hash: Data
    /// The last four characters, for display.
    public var last4: String

    /// A protected ID as read back from storage.
    public init(hash: Data, last4: String) {
        self.hash = hash
        self.last4 = last4
    }
}
