// journal-torture: appends to a journal from several threads as fast as it can and prints
// "<seq> <producer>:<index>" on standard output for every entry whose durability it has awaited.
// The crash test kills it with SIGKILL at random moments and checks that every printed entry survived.
//
// usage: journal-torture JOURNAL.db [PRODUCERS]
import Foundation
import Journal
import Synchronization

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: journal-torture JOURNAL.db [PRODUCERS]\n".utf8))
    exit(2)
}
let producers = arguments.count >= 3 ? Int(arguments[2]) ?? 4 : 4
let journal: CustodyJournal
do { journal = try CustodyJournal(path: arguments[1]) } catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(1)
}
let output = Mutex(FileHandle.standardOutput)
let start = UTCMillis.now()

for producer in 0..<producers {
    Thread {
        var index = 0
        while true {
            let group = (0..<(1 + index % 16)).map { offset -> (NewEntry, String) in
                let n = index + offset
                let person = "T\(producer)-\(n / 50)"
                var changes: [ProjectionChange] = []
                if n % 50 == 0 {
                    changes.append(.custodyOpened(person: person, displayName: "Test \(person)", id: nil, arrivedAt: start + Int64(n)))
                } else if n % 50 == 49 {
                    changes.append(.custodyClosed(person: person, releasedAt: start + Int64(n), outcome: "released"))
                } else if n % 7 == 0 {
                    changes.append(.alertRaised(id: "A-\(producer)-\(n)", rule: "ESC-01", level: .warn, person: person,
                                                zone: "holding-\(producer)", message: "torture", at: start + Int64(n)))
                }
                let tag = "\(producer):\(n)"
                return (NewEntry(at: start + Int64(n), kind: .observation, subject: .person(person),
                                 json: #"{"tag":"\#(tag)"}"#, changes: changes), tag)
            }
            index += group.count
            let tickets = journal.append(contentsOf: group.map(\.0))
            var lines = ""
            for (ticket, (_, tag)) in zip(tickets, group) {
                guard let seq = try? ticket.waitUntilDurable() else { continue }
                lines += "\(seq) \(tag)\n"
            }
            output.withLock { $0.write(Data(lines.utf8)) }
        }
    }.start()
}
while true { sleep(60) }
