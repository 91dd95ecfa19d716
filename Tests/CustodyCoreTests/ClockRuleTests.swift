import Testing
import CustodyCore

struct ClockRuleTests {
    let limitKey = AlertKey(.clk01, "limit", person: "p1")

    @Test func summonsClockClimbsTheLadderAndRepeatsTheAlarm() {
        var h = Harness()
        h.admit(Fixtures.adult("p1"), tag: "w1")
        h.advance(.hours(10) + .minutes(29))
        #expect(h.level(limitKey) == nil)
        h.advance(.minutes(1))
        #expect(h.level(limitKey) == .warn)
        h.advance(.minutes(60))
        #expect(h.level(limitKey) == .warn2)
        h.advance(.minutes(15))
        #expect(h.level(limitKey) == .critical)
        h.advance(.minutes(15))
        #expect(h.level(limitKey) == .alarm)
        h.advance(.minutes(30))
        #expect(h.history(limitKey) == [
            "raise:warn", "escalate:warn2", "escalate:critical", "escalate:alarm", "repeat:alarm", "repeat:alarm",
        ])
    }

    @Test func nextDeadlineIsTheNextLadderStep() {
        var h = Harness()
        h.command(.register(registration: Fixtures.adult("p1", measure: .administrativeQuestioning)))
        h.advance(.hours(6) + .minutes(30))
        let status = h.engine.clocks(for: "p1").first { $0.rule == .clk02 }
        #expect(status?.nextStep == Fixtures.start + .hours(7))
        #expect(status?.remaining == .minutes(90))
    }

    @Test func extensionBeforeExpiryMovesTheLimit() {
        var h = Harness()
        h.admit(Fixtures.adult("p1"), tag: "w1")
        h.advance(.hours(11))
        let outcome = h.command(.approveExtension(request: Extension(person: "p1", limit: .hours(24), reason: "complex case")))
        #expect(outcome.isAccepted)
        #expect(h.engine.person("p1")?.limit == .hours(24))
        #expect(h.history(limitKey).last == "clear")
    }

    @Test func extensionAfterExpiryIsRejectedAndChangesNothing() {
        var h = Harness()
        h.admit(Fixtures.adult("p1"), tag: "w1")
        h.advance(.hours(12) + .minutes(1))
        let before = h.engine
        let outcome = h.command(.approveExtension(request: Extension(person: "p1", limit: .hours(24), reason: "late")))
        #expect(outcome.rejection?.reason == .clockExpired)
        #expect(h.engine == before)
    }

    @Test func continuedQuestioningRefusesTheTwelveToFortyEightJump() {
        var h = Harness()
        h.command(.register(registration: Fixtures.adult("p1", measure: .continuedQuestioning)))
        let jump = h.command(.approveExtension(request: Extension(person: "p1", limit: .hours(48), reason: "x", identityRefused: true)))
        #expect(jump.rejection?.reason == .extensionNotAllowed)
        #expect(h.command(.approveExtension(request: Extension(person: "p1", limit: .hours(24), reason: "x"))).isAccepted)
        let noRefusal = h.command(.approveExtension(request: Extension(person: "p1", limit: .hours(48), reason: "x")))
        #expect(noRefusal.rejection?.reason == .extensionNotAllowed)
        #expect(h.command(.approveExtension(request: Extension(person: "p1", limit: .hours(48), reason: "x", identityRefused: true))).isAccepted)
        let absolute = h.engine.clocks(for: "p1").first { $0.rule == .clk06 }
        #expect(absolute?.end == Fixtures.start + .hours(48))
    }

    @Test func administrativeQuestioningOffersTheTwelveHourTierOnlyWhenEnabled() {
        var parameters = RuleParameters.defaults
        parameters.questioningComplexTierEnabled = false
        var h = Harness(parameters: parameters)
        h.command(.register(registration: Fixtures.adult("p1", measure: .administrativeQuestioning)))
        #expect(h.command(.approveExtension(request: Extension(person: "p1", limit: .hours(12), reason: "x"))).rejection != nil)
        #expect(h.command(.approveExtension(request: Extension(person: "p1", limit: .hours(24), reason: "x"))).isAccepted)
    }

    @Test func absoluteClockSurvivesMeasureChangesAndCaseTransfers() {
        var h = Harness()
        h.admit(Fixtures.adult("p1", measure: .administrativeQuestioning), tag: "w1")
        h.advance(.hours(7))
        h.command(.changeMeasure(person: "p1", measure: .criminalSummons, reason: "crime suspected"))
        h.command(.transferCase(person: "p1", caseID: "case-9", reason: "new unit"))
        h.advance(.hours(13))
        #expect(h.level(AlertKey(.clk06, "absolute", person: "p1")) == .warn)
        #expect(h.level(AlertKey(.clk02, "limit", person: "p1")) == nil)
        h.advance(.hours(4))
        #expect(h.level(AlertKey(.clk06, "absolute", person: "p1")) == .alarm)
        #expect(h.engine.person("p1")?.clockStart == Fixtures.start)
    }

    @Test func clockStartMovesEarlierOnlyWithAReason() {
        var h = Harness()
        h.command(.register(registration: Fixtures.adult("p1")))
        #expect(h.command(.moveClockStart(person: "p1", to: Fixtures.start + .minutes(5), reason: "x")).rejection?.reason == .clockStartLater)
        #expect(h.command(.moveClockStart(person: "p1", to: Fixtures.start - .minutes(40), reason: "")).rejection?.reason == .reasonRequired)
        #expect(h.command(.moveClockStart(person: "p1", to: Fixtures.start - .minutes(40), reason: "arrived in patrol car")).isAccepted)
        #expect(h.engine.person("p1")?.clockStart == Fixtures.start - .minutes(40))
    }

    @Test func vulnerablePersonHasFourHoursAndMayNotBeHeld() {
        var h = Harness()
        var registration = Fixtures.adult("p1")
        registration.pregnant = true
        h.admit(registration, tag: "w1")
        h.see("w1", in: "holding-2")
        #expect(h.level(AlertKey(.clk04, "holding", person: "p1")) == .alarm)
        h.advance(.hours(3))
        #expect(h.level(AlertKey(.clk04, "limit", person: "p1")) == .warn)
        h.advance(.hours(1))
        #expect(h.level(AlertKey(.clk04, "limit", person: "p1")) == .alarm)
    }

    @Test func detentionDutiesAreDueWithinADay() {
        var h = Harness()
        h.command(.register(registration: Fixtures.adult("p1")))
        h.command(.changeMeasure(person: "p1", measure: .criminalDetention, reason: "decision 123"))
        h.command(.detentionDutyDone(person: "p1", duty: .familyNotice))
        h.advance(.hours(20))
        #expect(h.level(AlertKey(.clk05, "transfer", person: "p1")) == .warn)
        #expect(h.level(AlertKey(.clk05, "family_notice", person: "p1")) == nil)
        h.command(.detentionDutyDone(person: "p1", duty: .transfer))
        h.advance(.hours(4))
        #expect(h.level(AlertKey(.clk05, "transfer", person: "p1")) == nil)
        #expect(h.level(AlertKey(.clk05, "first_interrogation", person: "p1")) == .alarm)
    }

    @Test func chainedSummonsAlarmsUntilAnApproverGivesAReason() {
        var h = Harness()
        h.admit(Fixtures.adult("p1", idHash: "hash-1234"), tag: "w1")
        h.advance(.hours(2))
        #expect(h.command(.release(person: "p1", checklist: Fixtures.fullChecklist)).isAccepted)
        h.advance(.hours(3))
        h.command(.register(registration: Fixtures.adult("p2", idHash: "hash-1234")))
        let key = AlertKey(.clk07, "chained", person: "p2")
        #expect(h.level(key) == .alarm)
        h.command(.logReason(person: "p2", rule: .clk07, reason: "new evidence, approved by chief"))
        #expect(h.level(key) == nil)
        h.command(.register(registration: Fixtures.adult("p3", idHash: "other")))
        #expect(h.level(AlertKey(.clk07, "chained", person: "p3")) == nil)
    }
}
