import Foundation
import Journal

/// A year at a busy station: about 40 people a day, each with clocks, zone moves, observations and alerts,
/// spread over `entries` entries. Most people are released; the last few are still in custody.
struct YearOfHistory {
    let entries: Int
    let bodies: [Data]
    let begin: UTCMillis = 1_735_689_600_000  // 2025-01-01
    let sessionsPerYear = 365 * 40
    var perSession: Int { max(10, entries / sessionsPerYear) }
    var sessions: Int { max(1, entries / perSession) }
    var end: UTCMillis { begin + 365 * 86_400_000 }
    var somePerson: String { "P-\(sessions / 2)" }

    func append(to journal: CustodyJournal) throws -> Int64 {
        let spacing = (end - begin) / Int64(sessions)
        var last: AppendTicket?
        var batch: [NewEntry] = []
        batch.reserveCapacity(10_000)
        var written = 0
        var session = 0
        while written < entries {
            let person = "P-\(session)"
            let arrived = begin + Int64(session) * spacing
            let stay = Int64(4 * 3_600_000)
            let open = session >= sessions - 8
            for step in 0..<perSession where written < entries {
                let at = arrived + Int64(step) * stay / Int64(perSession)
                var changes: [ProjectionChange] = []
                switch step {
                case 0:
                    changes = [.custodyOpened(person: person, displayName: "Person \(session)", id: nil, arrivedAt: at),
                               .clockUpdated(person: person, clock: "CLK-01", startedAt: at, limitAt: at + 43_200_000,
                                             nextStepAt: at + 39_600_000, nextLevel: .warn),
                               .clockUpdated(person: person, clock: "CLK-06", startedAt: at, limitAt: at + 86_400_000,
                                             nextStepAt: at + 72_000_000, nextLevel: .warn)]
                case 1, perSession / 3, perSession / 2:
                    changes = [.zonePresence(person: person, zone: "zone-\(step % 6)", at: at)]
                case 5:
                    changes = [.alertRaised(id: "A-\(session)", rule: "WEL-0\(session % 4 + 1)", level: .warn,
                                            person: person, zone: "zone-\(session % 6)", message: "welfare due", at: at)]
                case 9 where !open && session % 500 != 0:
                    changes = [.alertCleared(id: "A-\(session)", at: at)]
                case perSession - 1 where !open:
                    changes = [.custodyClosed(person: person, releasedAt: at, outcome: "released")]
                default:
                    break
                }
                batch.append(NewEntry(at: at, kind: changes.isEmpty ? .observation : .effect, subject: .person(person),
                                      body: bodies[written % bodies.count], changes: changes))
                written += 1
                if batch.count == 10_000 {
                    last = journal.append(contentsOf: batch).last
                    batch.removeAll(keepingCapacity: true)
                    if written % 200_000 == 0 { _ = try last?.waitUntilDurable() }
                }
            }
            session += 1
        }
        last = journal.append(contentsOf: batch).last ?? last
        return try last?.waitUntilDurable() ?? 0
    }
}
