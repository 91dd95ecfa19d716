public import Foundation

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
