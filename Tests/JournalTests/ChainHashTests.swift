import Foundation
import Testing
@testable import Journal

/// The chain's byte format is a promise to every file already written and to auditors who check it with
/// their own tools; these vectors were computed independently (Python hashlib) from the documented format.
struct ChainHashTests {
    static func hex(_ data: Data) -> String { data.map { String(format: "%02x", $0) }.joined() }

    @Test func theChainFormatMatchesIndependentlyComputedVectors() {
        let first = ChainHash.compute(previous: ChainHash.genesis, seq: 1, at: 1_767_225_600_000, kind: "observation",
                                      subject: "person:P-1", actor: nil, body: Data(#"{"a":1}"#.utf8))
        #expect(Self.hex(first) == "c7514be6280cc15a566776adf0fca85afcb045a9c4b78f65a5dcaeb3cfb43193")
        let second = ChainHash.compute(previous: first, seq: 2, at: 1_767_225_601_000, kind: "command",
                                       subject: "person:P-1", actor: "officer-7", body: Data(#"{"meal":"rice"}"#.utf8),
                                       changes: Data("[]".utf8))
        #expect(Self.hex(second) == "4e5302eb02ca78a88b97a3fca4a503d69638ee7f3ecbb89f4614b847cad0ef62")
    }
}
