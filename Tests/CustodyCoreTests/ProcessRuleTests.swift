import Testing
import CustodyCore

struct ProcessRuleTests {
    @Test func doorStaysLockedUntilIntakeIsComplete() {
        var h = Harness()
        h.admit(Fixtures.adult("p1"), tag: "w1", intake: false)
        h.see("w1", in: "corridor")
        let locked = h.observe(.accessRequest(tag: "t-o1", door: "d-holding-1"))
        #expect(locked.effects == [.door(.keepLocked(door: "d-holding-1", reason: "intake not complete for p1"))])
        h.command(.safetyCheckDone(person: "p1"))
        h.command(.healthIntake(person: "p1", injury: true, note: "bruise on arm"))
        h.command(.belongingsListed(person: "p1", items: 2))
        #expect(h.level(AlertKey(.flow01, "injury_report", person: "p1")) == .warn)
        let open = h.observe(.accessRequest(tag: "t-o1", door: "d-holding-1"))
        #expect(open.effects == [.door(.unlock(door: "d-holding-1", officer: "o1"))])
        let wristband = h.observe(.accessRequest(tag: "w1", door: "d-exit"))
        #expect(wristband.effects == [.door(.keepLocked(door: "d-exit", reason: "a wristband cannot open a door"))])
    }

    @Test func enteringAHoldingRoomBeforeIntakeAlarms() {
        var h = Harness()
        h.admit(Fixtures.adult("p1"), tag: "w1", intake: false)
        h.see("w1", in: "holding-2")
        #expect(h.level(AlertKey(.flow01, "intake_incomplete", person: "p1")) == .alarm)
    }

    @Test func occupiedInterviewRoomMustRecord() {
        var h = Harness()
        h.admit(Fixtures.adult("p1"), tag: "w1")
        h.see("w1", in: "interview-1")
        h.advance(.seconds(4))
        #expect(h.level(AlertKey(.rec01, "recorder", zone: "interview-1")) == nil)
        h.advance(.seconds(1))
        #expect(h.level(AlertKey(.rec01, "recorder", zone: "interview-1")) == .alarm)
        h.observe(.recorder(device: "rec-i1", running: true))
        #expect(h.level(AlertKey(.rec01, "recorder", zone: "interview-1")) == nil)
    }

    @Test func minorQuestionedWithoutGuardianOrFemaleOfficer() {
        var h = Harness()
        var girl = Fixtures.adult("p1", sex: .female)
        girl.birthDate = CalendarDate(year: 2011, month: 3, day: 3)
        h.admit(girl, tag: "w1")
        h.see("t-o1", in: "interview-1")
        h.see("w1", in: "interview-1")
        h.advance(.seconds(30))
        #expect(h.level(AlertKey(.prot01, "guardian", person: "p1")) == .alarm)
        #expect(h.level(AlertKey(.prot01, "female_officer", person: "p1")) == .alarm)
        h.command(.guardianPresent(person: "p1", present: true))
        h.see("t-o2", in: "interview-1")
        #expect(h.level(AlertKey(.prot01, "guardian", person: "p1")) == nil)
        #expect(h.level(AlertKey(.prot01, "female_officer", person: "p1")) == nil)
    }

    @Test func leavingTheAreaWithoutReleaseAlarmsUnlessApproved() {
        var h = Harness()
        h.admit(Fixtures.adult("p1"), tag: "w1")
        h.see("w1", in: "exit")
        #expect(h.level(AlertKey(.zone01, "left_area", person: "p1")) == .alarm)
        h.command(.approveOutOfArea(person: "p1", reason: "hospital visit"))
        #expect(h.level(AlertKey(.zone01, "left_area", person: "p1")) == nil)
        h.see("w1", in: "corridor")
        h.see("w1", in: "exit")
        #expect(h.level(AlertKey(.zone01, "left_area", person: "p1")) == .alarm)
    }

    @Test(arguments: [
        ReleaseChecklist(belongingsReturned: false, exitHealthNote: "ok", familyNotified: true, destination: "home"),
        ReleaseChecklist(belongingsReturned: true, exitHealthNote: "", familyNotified: true, destination: "home"),
        ReleaseChecklist(belongingsReturned: true, exitHealthNote: "ok", familyNotified: false, destination: "home"),
        ReleaseChecklist(belongingsReturned: true, exitHealthNote: "ok", familyNotified: true, destination: ""),
    ])
    func releaseWithoutTheChecklistIsRejected(checklist: ReleaseChecklist) {
        var h = Harness()
        h.admit(Fixtures.adult("p1"), tag: "w1")
        let before = h.engine
        #expect(h.command(.release(person: "p1", checklist: checklist)).rejection?.reason == .checklistIncomplete)
        #expect(h.engine == before)
    }

    @Test func vulnerablePersonReleasedAtNightNeedsPickup() {
        var h = Harness()
        var elderly = Fixtures.adult("p1")
        elderly.birthDate = CalendarDate(year: 1950, month: 1, day: 1)
        h.admit(elderly, tag: "w1")
        h.advance(.hours(12))
        var checklist = Fixtures.fullChecklist
        checklist.pickupOrEscort = nil
        #expect(h.command(.release(person: "p1", checklist: checklist)).rejection?.reason == .checklistIncomplete)
        #expect(h.command(.release(person: "p1", checklist: Fixtures.fullChecklist)).isAccepted)
    }

    @Test func releaseClearsEveryAlertAndSealsTheRecord() {
        var h = Harness()
        h.admit(Fixtures.adult("p1"), tag: "w1", intake: false)
        h.see("w1", in: "holding-2")
        h.observe(.strap(tag: "w1", opened: true))
        h.advance(.hours(12))
        #expect(h.engine.openAlerts.contains { $0.key.person == "p1" })
        #expect(h.command(.release(person: "p1", checklist: Fixtures.fullChecklist)).isAccepted)
        #expect(!h.engine.openAlerts.contains { $0.key.person == "p1" || $0.key.tag == "w1" })
        #expect(h.engine.occupants(of: "holding-2").isEmpty)
        #expect(h.command(.welfare(person: "p1", kind: .water, response: .accepted)).rejection?.reason == .personReleased)
    }

    @Test func unknownPersonOrOfficerIsRejected() {
        var h = Harness()
        #expect(h.command(.safetyCheckDone(person: "ghost")).rejection?.reason == .unknownPerson)
        #expect(h.command(.register(registration: Fixtures.adult("p1")), by: "impostor").rejection?.reason == .unknownOfficer)
        #expect(h.engine.peopleInCustody.isEmpty)
    }

    @Test func acknowledgementNamesTheOfficerAndDoesNotClear() {
        var h = Harness()
        h.admit(Fixtures.adult("p1"), tag: "w1")
        h.observe(.strap(tag: "w1", opened: true))
        let key = AlertKey(.dev01, "strap_opened", tag: "w1")
        #expect(h.command(.acknowledgeAlert(key: key), by: "o2").isAccepted)
        #expect(h.engine.alert(key)?.acknowledgedBy == "o2")
        #expect(h.command(.acknowledgeAlert(key: AlertKey(.fire01, "fire"))).rejection?.reason == .noSuchAlert)
        h.observe(.strap(tag: "w1", opened: false))
        #expect(h.engine.alert(key) == nil)
    }
}
