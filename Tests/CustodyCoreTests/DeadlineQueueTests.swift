import Testing
@testable import CustodyCore

struct DeadlineQueueTests {
    func at(_ seconds: Int64) -> Timestamp { Timestamp(milliseconds: seconds * 1_000) }

    @Test func popsInTimeOrderThenKeyOrder() {
        var queue = DeadlineQueue<String>()
        queue.schedule("c", at: at(5))
        queue.schedule("b", at: at(1))
        queue.schedule("a", at: at(5))
        #expect(queue.next == at(1))
        var popped: [String] = []
        while let due = queue.popDue(atOrBefore: at(10)) { popped.append(due.key) }
        #expect(popped == ["b", "a", "c"])
        #expect(queue.next == nil)
    }

    @Test func reschedulingAndCancellingInvalidateOldEntries() {
        var queue = DeadlineQueue<String>()
        queue.schedule("a", at: at(1))
        queue.schedule("a", at: at(9))
        queue.schedule("b", at: at(2))
        queue.schedule("b", at: nil)
        #expect(queue.next == at(9))
        #expect(queue.count == 1)
        #expect(queue.popDue(atOrBefore: at(8)) == nil)
        #expect(queue.popDue(atOrBefore: at(9))?.key == "a")
    }

    @Test func staleEntriesAreCompactedAway() {
        var queue = DeadlineQueue<Int>()
        for round in 0..<100 {
            for key in 0..<10 { queue.schedule(key, at: at(Int64(1_000 - round))) }
        }
        #expect(queue.count == 10)
        var popped = 0
        while queue.popDue(atOrBefore: at(2_000)) != nil { popped += 1 }
        #expect(popped == 10)
    }

    @Test func onlyDueDeadlinesAreTouchedByATick() {
        var engine = CustodyEngine(layout: Fixtures.layout, start: Fixtures.start)
        for index in 0..<500 {
            let id = PersonID("p\(index)")
            _ = engine.apply(.command(Command(by: "o1", .register(Fixtures.adult(id, caseID: CaseID("c\(index)"))))), at: Fixtures.start)
        }
        #expect(engine.pendingDeadlines == 500)
        let quiet = engine.apply(.tick, at: Fixtures.start + .minutes(30))
        #expect(quiet.effects.isEmpty)
        let before = engine.nextDeadline
        #expect(before == Fixtures.start + .hours(2))
    }
}
