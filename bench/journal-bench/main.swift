// journal-bench: durable appends/s of the journal against a plain SQLite loop in the same run,
// append→durable latency, and query times on a year of history.
//
// usage: journal-bench [ENTRIES [HISTORY [DIRECTORY]]]   (defaults 1000000, 5000000, the temp directory)
import Foundation
import Journal

let arguments = CommandLine.arguments
let entries = arguments.count > 1 ? Int(arguments[1]) ?? 1_000_000 : 1_000_000
let historyEntries = arguments.count > 2 ? Int(arguments[2]) ?? 5_000_000 : 5_000_000
let directory = URL(fileURLWithPath: arguments.count > 3 ? arguments[3] : NSTemporaryDirectory())
let bodies = Bench.bodies()

// 1. The peer: plain SQLite, batches of 100, synchronous=FULL.
let peer = PlainSQLiteLoop(path: Bench.fresh(directory, "bench-plain.db"), entries: entries).run(bodies: bodies)
print("plain SQLite, batches of 100, FULL: \(Bench.format(peer.perSecond)) entries/s, commit p50 "
      + "\(Bench.format(Bench.percentile(peer.commitMicros, 0.5))) µs, p99 \(Bench.format(Bench.percentile(peer.commitMicros, 0.99))) µs")

// 2. The journal flooded by one producer: group commit takes whatever is queued.
do {
    let journal = try CustodyJournal(path: Bench.fresh(directory, "bench-journal.db"))
    let start = ContinuousClock.now
    var last: AppendTicket?
    for n in 0..<entries {
        last = journal.append(NewEntry(at: 1_767_225_600_000 + Int64(n), kind: .observation,
                                       subject: .person("P-\(n % 40)"), body: bodies[n % bodies.count]))
    }
    _ = try last?.waitUntilDurable()
    let rate = Double(entries) / Bench.seconds(ContinuousClock.now - start)
    print("journal, one producer, group commit: \(Bench.format(rate)) entries/s "
          + "(\(String(format: "%.2f", rate / peer.perSecond))× the plain loop)")
    journal.close()
}

// 3. Append→durable latency with 64 appenders each awaiting its entry.
do {
    let journal = try CustodyJournal(path: Bench.fresh(directory, "bench-latency.db"))
    let perTask = max(1, entries / 64 / 4)
    let start = ContinuousClock.now
    let latencies = try await withThrowingTaskGroup(of: [Double].self) { group in
        for task in 0..<64 {
            group.addTask {
                var mine: [Double] = []
                for n in 0..<perTask {
                    let began = ContinuousClock.now
                    _ = try await journal.appendDurably(NewEntry(at: 1_767_225_600_000 + Int64(n), kind: .observation,
                                                                 subject: .person("P-\(task)"), body: bodies[n % bodies.count]))
                    mine.append(Bench.micros(ContinuousClock.now - began))
                }
                return mine
            }
        }
        var all: [Double] = []
        for try await mine in group { all += mine }
        return all
    }
    let rate = Double(latencies.count) / Bench.seconds(ContinuousClock.now - start)
    print("journal, 64 appenders awaiting durability: \(Bench.format(rate)) entries/s, append→durable p50 "
          + "\(Bench.format(Bench.percentile(latencies, 0.5))) µs, p99 \(Bench.format(Bench.percentile(latencies, 0.99))) µs")
    journal.close()
}

// 4. A year of history, then the supervisors' two hot queries.
if historyEntries > 0 {
    let path = Bench.fresh(directory, "bench-year.db")
    let journal = try CustodyJournal(path: path)
    let history = YearOfHistory(entries: historyEntries, bodies: bodies)
    let start = ContinuousClock.now
    _ = try history.append(to: journal)
    print("year of history: \(Bench.format(Double(historyEntries))) entries with projections in "
          + String(format: "%.1f s", Bench.seconds(ContinuousClock.now - start)))
    journal.close()
    let reader = try JournalReader(path: path, access: .live)
    func time(_ name: String, _ body: () throws -> Int) rethrows {
        var samples: [Double] = []
        var count = 0
        for _ in 0..<50 {
            let began = ContinuousClock.now
            count = try body()
            samples.append(Bench.micros(ContinuousClock.now - began) / 1_000)
        }
        print("\(name): \(count) rows, median \(String(format: "%.2f", Bench.percentile(samples, 0.5))) ms, "
              + "max \(String(format: "%.2f", samples.max() ?? 0)) ms")
    }
    try time("people in custody now") { try reader.peopleInCustody(now: history.end).count }
    try time("open alerts") { try reader.alerts(.active).count }
    try time("one person's timeline") { try reader.timeline(person: history.somePerson, now: history.end).entries.count }
    let verifyStart = ContinuousClock.now
    let verification = try reader.verify()
    print("verify: \(verification) in " + String(format: "%.1f s", Bench.seconds(ContinuousClock.now - verifyStart)))
}
