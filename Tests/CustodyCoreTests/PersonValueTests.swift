import Foundation
import Testing
import CustodyCore

/// `Person` keeps its fields in one box shared by its copies: it must still behave as a value, and
/// encode, compare and print as the fields themselves.
struct PersonValueTests {
    @Test func aChangeThroughOneEngineIsNotSeenThroughACopyOfIt() throws {
        var h = Harness()
        h.admit(Fixtures.adult("p1"), tag: "w1")
        h.see("w1", in: "holding-1")
        let copy = h.engine
        let person = try #require(h.engine.person("p1"))

        h.command(.welfare(person: "p1", kind: .water, response: .accepted))
        h.command(.logReason(person: "p1", rule: .wel02, reason: "urgent"))
        h.see("w1", in: "corridor")

        #expect(h.engine.person("p1")?.lastWater == h.time)
        #expect(h.engine.person("p1")?.reasonsLogged == [.wel02])
        #expect(h.engine.person("p1")?.zone == "corridor")
        for earlier in [copy.person("p1"), person] {
            #expect(earlier?.lastWater == nil)
            #expect(earlier?.reasonsLogged == [])
            #expect(earlier?.zone == "holding-1")
        }
        #expect(copy != h.engine)
        #expect(copy.person("p1") == person)
    }

    @Test func encodesComparesAndPrintsItsFields() throws {
        var h = Harness()
        h.admit(Fixtures.adult("p1"), tag: "w1")
        let person = try #require(h.engine.person("p1"))

        let data = try JSONEncoder().encode(person)
        let decoded = try JSONDecoder().decode(Person.self, from: data)
        #expect(decoded == person)
        #expect(decoded.hashValue == person.hashValue)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(
            Set(object.keys) == [
                "registration", "age", "caseID", "measure", "clockStart", "limit", "tag", "seenOnce",
                "safetyChecked", "healthChecked", "belongingsListed", "injuryNoted", "longestRest",
                "beddingLogged", "guardianPresent", "reasonsLogged", "outOfAreaApproved", "dutiesDone",
            ])
        #expect("\(person)".hasPrefix(#"Person(registration: CustodyCore.Registration(person: p1, "#))
        #expect("\(person)".contains(#"), age: "#))
    }
}
