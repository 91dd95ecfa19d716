import Testing
import CustodyCore

struct SupervisionRuleTests {
    @Test func interviewNeedsTwoOfficersAfterThirtySecondsGrace() {
        var h = Harness()
        h.admit(Fixtures.adult("p1"), tag: "w1")
        h.observe(.recorder(device: "rec-i1", running: true))
        h.see("t-o1", in: "interview-1")
        h.see("w1", in: "interview-1")
        let key = AlertKey(.sup01, "officers", zone: "interview-1")
        h.advance(.seconds(29))
        #expect(h.level(key) == nil)
        h.advance(.seconds(1))
        #expect(h.level(key) == .alarm)
        h.see("t-o3", in: "interview-1")
        #expect(h.level(key) == nil)
        #expect(h.history(key) == ["raise:alarm", "clear"])
    }

    @Test func escortNeedsTwoOfficersOutsideHoldingRooms() {
        var h = Harness()
        h.admit(Fixtures.adult("p1"), tag: "w1")
        h.see("t-o1", in: "corridor")
        h.see("w1", in: "corridor")
        let key = AlertKey(.esc01, "escort", person: "p1")
        h.advance(.seconds(9))
        #expect(h.level(key) == nil)
        h.advance(.seconds(1))
        #expect(h.level(key) == .alarm)
        h.see("w1", in: "holding-1")
        #expect(h.level(key) == nil)
    }

    /// The escort rule counts officers, so an officer leaving must re-evaluate the people left behind.
    @Test func escortGraceStartsWhenAnOfficerLeaves() {
        var h = Harness()
        h.admit(Fixtures.adult("p1"), tag: "w1")
        h.see("t-o1", in: "corridor")
        h.see("t-o3", in: "corridor")
        h.see("w1", in: "corridor")
        let key = AlertKey(.esc01, "escort", person: "p1")
        h.advance(.minutes(1))
        #expect(h.level(key) == nil)
        h.see("t-o3", in: "locker")
        h.advance(.seconds(9))
        #expect(h.level(key) == nil)
        h.advance(.seconds(1))
        #expect(h.level(key) == .alarm)
    }

    /// p1 in the information-collection room with one officer while its recorder runs, for a minute:
    /// one officer is enough there while recording.
    private func escortedByOneWhileRecording() -> Harness {
        var h = Harness()
        h.admit(Fixtures.adult("p1"), tag: "w1")
        h.see("t-o1", in: "info")
        h.observe(.recorder(device: "rec-info", running: true))
        h.see("w1", in: "info")
        h.advance(.minutes(1))
        #expect(!h.raised(.esc01))
        return h
    }

    @Test func oneOfficerIsEnoughInInformationCollectionWhileRecording() {
        var h = escortedByOneWhileRecording()
        h.observe(.recorder(device: "rec-info", running: false))
        h.advance(.seconds(10))
        #expect(h.level(AlertKey(.esc01, "escort", person: "p1")) == .alarm)
    }

    @Test func oneOfficerIsNoLongerEnoughWhenTheRecorderGoesOffline() {
        var h = escortedByOneWhileRecording()
        h.observe(.device(device: "rec-info", online: false))
        h.advance(.seconds(10))
        #expect(h.level(AlertKey(.esc01, "escort", person: "p1")) == .alarm, "an offline recorder records nothing")
        h.observe(.device(device: "rec-info", online: true))
        #expect(h.level(AlertKey(.esc01, "escort", person: "p1")) == nil)
    }

    @Test func offlineReaderSaysEscortIsDegraded() {
        var h = Harness()
        h.admit(Fixtures.adult("p1"), tag: "w1")
        h.see("w1", in: "corridor")
        h.observe(.device(device: "reader-corridor", online: false))
        let alert = h.engine.alert(AlertKey(.dev01, "device_offline", zone: "corridor", device: "reader-corridor"))
        #expect(alert?.level == .alarm)
        #expect(alert?.message.contains("degraded") == true)
    }

    @Test func coSuspectsApartAfterTenSeconds() {
        var h = Harness()
        h.admit(Fixtures.adult("p1"), tag: "w1")
        h.admit(Fixtures.adult("p2"), tag: "w2")
        h.admit(Fixtures.adult("p3", caseID: "case-2"), tag: "w3")
        h.see("w1", in: "corridor")
        h.see("w3", in: "corridor")
        h.advance(.seconds(20))
        #expect(!h.raised(.sep01))
        h.see("w2", in: "corridor")
        h.advance(.seconds(10))
        #expect(h.level(AlertKey(.sep01, "co_suspects", zone: "corridor")) == .alarm)
    }

    @Test func menAndWomenAndMinorsAreNeverHeldTogether() {
        var h = Harness()
        h.admit(Fixtures.adult("p1", caseID: "a"), tag: "w1")
        h.admit(Fixtures.adult("p2", sex: .female, caseID: "b"), tag: "w2")
        h.see("w1", in: "holding-1")
        h.see("w2", in: "holding-1")
        #expect(h.level(AlertKey(.sep01, "mixed_sex", zone: "holding-1")) == .alarm)
        var minor = Fixtures.adult("p3", caseID: "c")
        minor.birthDate = CalendarDate(year: 2010, month: 1, day: 1)
        h.admit(minor, tag: "w3")
        h.see("w2", in: "corridor")
        h.see("w3", in: "holding-1")
        #expect(h.level(AlertKey(.sep01, "minor_with_adult", zone: "holding-1")) == .alarm)
        #expect(h.level(AlertKey(.sep01, "mixed_sex", zone: "holding-1")) == nil)
    }

    @Test func holdingRoomCapacityIsCappedByArea() {
        var h = Harness()
        for index in 1...3 {
            h.admit(Fixtures.adult(PersonID("p\(index)"), caseID: CaseID("c\(index)")), tag: TagID("w\(index)"))
        }
        h.see("w1", in: "holding-1")
        h.see("w2", in: "holding-1")
        #expect(h.level(AlertKey(.occ01, "capacity", zone: "holding-1")) == nil)
        h.see("w3", in: "holding-1")
        #expect(h.level(AlertKey(.occ01, "capacity", zone: "holding-1")) == .alarm)
        h.see("w3", in: "holding-2")
        #expect(h.level(AlertKey(.occ01, "capacity", zone: "holding-1")) == nil)
    }

    @Test func holdingRoomNeedsAWatchAndRounds() {
        var h = Harness()
        h.admit(Fixtures.adult("p1"), tag: "w1")
        h.see("w1", in: "holding-1")
        h.advance(.seconds(120))
        #expect(h.level(AlertKey(.sup03, "watch_post", zone: "holding-1")) == .alarm)
        h.see("t-o2", in: "duty")
        #expect(h.level(AlertKey(.sup03, "watch_post", zone: "holding-1")) == nil)
        h.advance(.minutes(28))
        #expect(h.level(AlertKey(.sup03, "round", zone: "holding-1")) == .warn)
        h.command(.roundLogged(zone: "holding-1"))
        #expect(h.level(AlertKey(.sup03, "round", zone: "holding-1")) == nil)
        h.advance(.minutes(60))
        #expect(h.level(AlertKey(.sup03, "round", zone: "holding-1")) == .alarm)
    }

    @Test func intoxicatedPeopleNeedRoundsEveryFifteenMinutes() {
        var h = Harness()
        var registration = Fixtures.adult("p1")
        registration.intoxicated = true
        h.admit(registration, tag: "w1")
        h.see("t-o2", in: "duty")
        h.see("w1", in: "holding-1")
        h.advance(.minutes(15))
        #expect(h.level(AlertKey(.sup03, "round", zone: "holding-1")) == .warn)
    }
}
