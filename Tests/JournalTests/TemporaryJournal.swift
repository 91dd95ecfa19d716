import Foundation
@testable import Journal

/// A fresh directory for one test's journal files, removed when the test ends.
final class TemporaryDirectory {
    let url: URL

    init() {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("journal-tests-\(UUID().uuidString)", isDirectory: true)
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
}

/// Entries that look like a day at the station, for tests.
enum Sample {
    static let t0: UTCMillis = 1_767_225_600_000  // 2026-01-01T00:00:00Z

    static func observation(_ index: Int, person: String = "P-1") -> NewEntry {
        NewEntry(at: t0 + Int64(index) * 1_000, kind: .observation, subject: .person(person),
                 json: #"{"reader":"r-\#(index % 7)","tag":"W-\#(index)"}"#)
    }

    static func observations(_ count: Int, person: String = "P-1") -> [NewEntry] {
        (0..<count).map { observation($0, person: person) }
    }
}
