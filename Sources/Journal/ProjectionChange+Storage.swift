import Foundation

/// How an entry's projection changes are stored: compact JSON with sorted keys, covered by the hash.
///
/// The case and label names are the stored format: rename one only with a decoder for the old name.
extension ProjectionChange {
    /// The stored form of `changes`.
    static func encodeList(_ changes: [ProjectionChange]) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Strings, integers, booleans and base64 data only: encoding cannot fail.
        return (try? encoder.encode(changes)) ?? Data("[]".utf8)
    }

    /// The stored changes, or none when they cannot be read (the hash still covers the stored bytes).
    static func decodeList(_ data: Data) -> [ProjectionChange] {
        (try? JSONDecoder().decode([ProjectionChange].self, from: data)) ?? []
    }
}
