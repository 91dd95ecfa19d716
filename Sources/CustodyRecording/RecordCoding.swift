public import CustodyCore
public import Foundation

/// The journal body of one core input: the input and the time it was applied at.
///
/// Replaying these bodies in sequence order through a fresh engine rebuilds the engine exactly, so
/// custody clocks continue from their original start after a restart.
public struct InputRecord: Sendable, Hashable, Codable {
    public var at: Timestamp
    public var input: Input

    public init(at: Timestamp, input: Input) {
        self.at = at
        self.input = input
    }
}

/// Stable JSON for journal bodies: sorted keys, so the same record always hashes the same.
public enum RecordCoding {
    public static func encode<T: Encodable>(_ value: T) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Every core type encodes without failure (plain structs, enums, strings and integers).
        return (try? encoder.encode(value)) ?? Data("null".utf8)
    }

    public static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        try JSONDecoder().decode(type, from: data)
    }
}
