import Foundation
import Testing
import CustodyCore

/// Identifiers, rules and alert keys hash by cached or ordinal values for speed; equality, order and
/// encoding must stay exactly those of the text.
struct KeyHashingTests {
    @Test func ruleOrderIsTheOrderOfTheRuleIDsText() {
        let byText = RuleID.allCases.sorted { $0.rawValue < $1.rawValue }
        #expect(RuleID.allCases.sorted() == byText)
        #expect(Set(RuleID.allCases).count == RuleID.allCases.count)
    }

    @Test func identifiersEqualAsTheirTextIsEqual() {
        let composed = PersonID("jos\u{E9}")
        let decomposed = PersonID("jose\u{301}")
        #expect(composed == decomposed)
        #expect(composed.hashValue == decomposed.hashValue)
        #expect(Set([composed, decomposed]).count == 1)
        #expect(PersonID("p1") != PersonID("p2"))
        #expect(PersonID("p1") < PersonID("p2"))
    }

    @Test func shortAndLongTextsKeepTheirTextEqualityAndOrder() {
        // Short ASCII texts are held packed, others as strings: every pair must still compare as
        // their texts do, whichever way each is held.
        let texts = [
            "", "a", "A", "a0", "a\u{1}", "P20261125-00001", "P20261125-000012", "P20261125-0000123",
            "E28011600000000000000ABC", "z", "~", "zone", "zone\u{0}", "zone\u{0}a", "zoné", "zone\u{301}", "K",
            "\u{212A}", "\u{7F}", "0123456789abcdef", "0123456789abcdeg", "0123456789abcde", "拘留室1",
        ]
        for a in texts {
            #expect(PersonID(a).rawValue == a)
            #expect(PersonID(a).description == a)
            for b in texts {
                #expect((PersonID(a) == PersonID(b)) == (a == b), "\(a.debugDescription) == \(b.debugDescription)")
                #expect((PersonID(a) < PersonID(b)) == (a < b), "\(a.debugDescription) < \(b.debugDescription)")
                if a == b { #expect(PersonID(a).hashValue == PersonID(b).hashValue) }
            }
        }
        #expect(PersonID("\u{212A}") == PersonID("K"))
        #expect(texts.map { PersonID($0) }.sorted().map(\.rawValue) == texts.sorted())
    }

    @Test func changingTheTextRehashes() {
        var id = ZoneID("holding-1")
        id.rawValue = "holding-2"
        #expect(id == ZoneID("holding-2"))
        #expect(id.hashValue == ZoneID("holding-2").hashValue)
        #expect([ZoneID("holding-2"): 1][id] == 1)
    }

    @Test func identifiersStillEncodeAsBareStrings() throws {
        let data = try JSONEncoder().encode([TagID("04A1B2C301")])
        #expect(String(decoding: data, as: UTF8.self) == #"["04A1B2C301"]"#)
        let decoded = try JSONDecoder().decode([TagID].self, from: data)
        #expect(decoded == [TagID("04A1B2C301")])
        #expect(decoded[0].hashValue == TagID("04A1B2C301").hashValue)
    }

    @Test func alertKeysEncodeTheirFieldsAsText() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let key = AlertKey(.env01, "co2_mean", zone: "holding-1", device: "env-holding-1")
        let data = try encoder.encode(key)
        #expect(String(decoding: data, as: UTF8.self)
            == #"{"condition":"co2_mean","device":"env-holding-1","rule":"ENV-01","zone":"holding-1"}"#)
        let decoded = try JSONDecoder().decode(AlertKey.self, from: data)
        #expect(decoded == key && decoded.hashValue == key.hashValue && decoded.condition == "co2_mean")
        var changed = key
        changed.condition = "a condition longer than fifteen bytes"
        #expect(changed != key && changed.condition == "a condition longer than fifteen bytes")
        #expect(try JSONDecoder().decode(AlertKey.self, from: encoder.encode(changed)) == changed)
    }

    @Test func alertKeysCompareEveryField() {
        let key = AlertKey(.dev01, "device_offline", zone: "corridor", door: "d1", device: "reader-1")
        #expect(key == AlertKey(.dev01, "device_offline", zone: "corridor", door: "d1", device: "reader-1"))
        #expect(key != AlertKey(.dev01, "device_offline", zone: "corridor", door: "d2", device: "reader-1"))
        #expect(key != AlertKey(.dev01, "device_offline", zone: "corridor", door: "d1", device: "reader-2"))
        #expect(key != AlertKey(.dev01, "device_online", zone: "corridor", door: "d1", device: "reader-1"))
        #expect(key != AlertKey(.env01, "device_offline", zone: "corridor", door: "d1", device: "reader-1"))
        let keys: Set = [
            AlertKey(.env01, "co2_mean", zone: "h1", device: "env"), AlertKey(.env01, "co2_high", zone: "h1", device: "env"),
            AlertKey(.env01, "humidity", zone: "h1", device: "env"), AlertKey(.wel01, "water", person: "p1"),
            AlertKey(.wel01, "meal", person: "p1"),
        ]
        #expect(keys.count == 5)
    }

    @Test func largeTablesFindEveryKeyBuiltAgain() {
        // Dictionaries hash identifiers and keys by their cached hashes: equal values must land on
        // equal hashes, whichever table (and seed) they are in, and distinct ones must stay apart.
        var byPerson: [PersonID: Int] = [:]
        var keys: Set<AlertKey> = []
        for n in 0..<5_000 {
            byPerson[PersonID("p\(n)")] = n
            keys.insert(AlertKey(.wel01, "water", person: PersonID("p\(n)")))
            keys.insert(AlertKey(.env01, "humidity", zone: ZoneID("z\(n % 97)"), device: DeviceID("s\(n)")))
        }
        #expect(byPerson.count == 5_000)
        #expect(keys.count == 10_000)
        for n in stride(from: 0, to: 5_000, by: 7) {
            #expect(byPerson[PersonID(String("p\(n)"))] == n)
            #expect(keys.contains(AlertKey(.wel01, "water", person: PersonID("p\(n)"))))
            #expect(!keys.contains(AlertKey(.wel01, "meal", person: PersonID("p\(n)"))))
            #expect(AlertKey(.wel01, "water", person: PersonID(String("p\(n)"))).hashValue == AlertKey(.wel01, "water", person: PersonID("p\(n)")).hashValue)
        }
        let copy = Dictionary(uniqueKeysWithValues: byPerson.filter { $0.value % 2 == 0 }.map { ($0.key, $0.value) })
        #expect(copy.count == 2_500)
        #expect(copy[PersonID("p42")] == 42)
    }
}
