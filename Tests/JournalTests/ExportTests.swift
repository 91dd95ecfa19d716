import Foundation
import Testing
@testable import Journal

struct ExportTests {
    @Test func aPersonsRecordExportsAsJSONWithEveryPart() throws {
        let directory = TemporaryDirectory()
        let reader = try ProjectionTests.station(in: directory, key: .random()).makeReader()
        let data = try JournalExporter(reader: reader).person("P-1", format: .json, now: Sample.t0)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["person"] as? String == "P-1")
        #expect((object["visits"] as? [Any])?.count == 2)
        #expect((object["alerts"] as? [Any])?.count == 1)
        let entries = try #require(object["entries"] as? [[String: Any]])
        #expect(entries.first?["timeUTC"] as? String == "2026-01-01T00:00:00.000Z")
        #expect(entries.first?["actor"] as? String == "officer-1")
        #expect((entries.first?["hash"] as? String)?.count == 64)
        #expect(String(decoding: data, as: UTF8.self).contains("002X"))
    }

    @Test func aPersonsRecordExportsAsCSVInTimeOrder() throws {
        let directory = TemporaryDirectory()
        let reader = try ProjectionTests.station(in: directory, key: .random()).makeReader()
        let text = String(decoding: try JournalExporter(reader: reader).person("P-2", format: .csv, now: Sample.t0),
                          as: UTF8.self)
        let lines = text.split(separator: "\r\n").map(String.init)
        #expect(lines.first == "time_utc,event,zone,detail,actor,seq")
        #expect(lines.dropFirst().map { $0.split(separator: ",")[1] } == [
            "custody-opened", "zone-entered", "effect", "custody-closed", "zone-left", "effect",
        ])
        #expect(lines[3] == #"2026-01-01T01:00:00.000Z,effect,,{},officer-2,4"#)
    }

    @Test func aDateRangeExportsOnlyItsEntriesWithQuotedFields() throws {
        let directory = TemporaryDirectory()
        let journal = try CustodyJournal(path: directory.path("j.db"))
        _ = try journal.appendAndWait(Sample.observations(10))
        let exporter = JournalExporter(reader: try journal.makeReader())
        let csv = String(decoding: try exporter.range(from: Sample.t0 + 2_000, to: Sample.t0 + 5_000, format: .csv),
                         as: UTF8.self)
        let lines = csv.split(separator: "\r\n")
        #expect(lines.count == 4)
        #expect(lines[1].hasPrefix(#"3,2026-01-01T00:00:02.000Z,observation,person:P-1,,"{""reader"":""r-2"",""tag"":""W-2""}","#))
        let json = try exporter.range(from: Sample.t0 + 2_000, to: Sample.t0 + 5_000, format: .json)
        let entries = try #require(try JSONSerialization.jsonObject(with: json) as? [[String: Any]])
        #expect(entries.compactMap { $0["seq"] as? Int } == [3, 4, 5])
    }

    @Test func exportedEntriesShowWhatTheyChanged() throws {
        let directory = TemporaryDirectory()
        let reader = try ProjectionTests.station(in: directory, key: .random()).makeReader()
        let exporter = JournalExporter(reader: reader)
        let csv = String(decoding: try exporter.range(from: 0, to: .max, format: .csv), as: UTF8.self)
        let last = try #require(csv.split(separator: "\r\n").last)
        #expect(last.hasSuffix(#""[{""custodyClosed"":{""outcome"":""released"",""person"":""P-2"",""releasedAt"":1767243600000}}]""#))
        let json = try exporter.range(from: 0, to: .max, format: .json)
        let entries = try #require(try JSONSerialization.jsonObject(with: json) as? [[String: Any]])
        #expect((entries.last?["changes"] as? [Any])?.count == 1)
        #expect(entries[1]["changes"] != nil)
    }
}
