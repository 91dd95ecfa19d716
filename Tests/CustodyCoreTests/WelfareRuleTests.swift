import Testing
import CustodyCore

struct WelfareRuleTests {
    @Test func waterIsOfferedEveryTwoHoursWhateverTheAnswer() {
        var h = Harness()
        h.admit(Fixtures.adult("p1"), tag: "w1")
        let key = AlertKey(.wel01, "water", person: "p1")
        h.advance(.hours(2))
        #expect(h.level(key) == .warn)
        h.advance(.minutes(30))
        #expect(h.level(key) == .critical)
        h.command(.welfare(person: "p1", kind: .water, response: .refused))
        #expect(h.level(key) == nil)
    }

    @Test func mealIsDueAtTheEndOfTheNextWindow() {
        var h = Harness()
        h.admit(Fixtures.adult("p1"), tag: "w1")
        let key = AlertKey(.wel01, "meal", person: "p1")
        h.advance(.hours(2) + .minutes(59))
        #expect(h.level(key) == nil)
        h.advance(.minutes(1))
        #expect(h.level(key) == .warn)
        h.command(.welfare(person: "p1", kind: .meal, response: .accepted))
        #expect(h.level(key) == nil)
        h.advance(.hours(4) + .minutes(59))
        #expect(h.level(key) == nil)
        h.advance(.minutes(1))
        #expect(h.level(key) == .warn)
    }

    @Test func noQuestioningAtNightWithoutAReason() {
        var h = Harness()
        h.admit(Fixtures.adult("p1"), tag: "w1")
        h.advance(.hours(13) + .minutes(50))
        h.see("w1", in: "interview-1")
        let key = AlertKey(.wel02, "night_questioning", person: "p1")
        #expect(h.level(key) == nil)
        h.advance(.minutes(10))
        #expect(h.level(key) == .alarm)
        h.command(.logReason(person: "p1", rule: .wel02, reason: "suspect asked to continue"))
        #expect(h.level(key) == nil)
    }

    @Test func questioningBreaksAfterTwoHours() {
        var h = Harness()
        h.admit(Fixtures.adult("p1"), tag: "w1")
        h.see("w1", in: "interview-1")
        h.advance(.hours(1))
        h.see("w1", in: "corridor")
        h.advance(.minutes(5))
        h.see("w1", in: "interview-1")
        h.advance(.minutes(55))
        let key = AlertKey(.wel02, "continuous_questioning", person: "p1")
        #expect(h.level(key) == .warn)
        h.see("w1", in: "holding-1")
        h.advance(.minutes(15))
        h.see("w1", in: "interview-1")
        #expect(h.level(key) == nil)
    }

    @Test func longRestMustStillFitBeforeALongClockEnds() {
        var h = Harness()
        h.admit(Fixtures.adult("p1"), tag: "w1")
        h.command(.approveExtension(request: Extension(person: "p1", limit: .hours(24), reason: "complex")))
        let key = AlertKey(.wel02, "rest", person: "p1")
        h.advance(.hours(16))
        #expect(h.level(key) == .warn)
        h.command(.welfare(person: "p1", kind: .restStart, response: .accepted))
        #expect(h.level(key) == nil)
        #expect(h.command(.welfare(person: "p1", kind: .restStart, response: .accepted)).rejection != nil)
        h.advance(.hours(6))
        h.command(.welfare(person: "p1", kind: .restEnd, response: .accepted))
        #expect(h.engine.person("p1")?.longestRest == .hours(6))
        #expect(h.level(key) == nil)
    }

    @Test func beddingAfterTwelveHoursInHolding() {
        var h = Harness()
        h.admit(Fixtures.adult("p1", measure: .continuedQuestioning), tag: "w1")
        h.see("w1", in: "holding-1")
        h.advance(.hours(12))
        #expect(h.level(AlertKey(.wel03, "bedding", person: "p1")) == .warn)
        h.command(.welfare(person: "p1", kind: .bedding, response: .accepted))
        #expect(h.level(AlertKey(.wel03, "bedding", person: "p1")) == nil)
    }
}
