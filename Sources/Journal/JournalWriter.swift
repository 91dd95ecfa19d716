import Dispatch
import Foundation
import Synchronization

/// The single writer: a dedicated OS thread that takes whatever has been appended since its last
/// commit, writes it as one transaction and makes it durable with one fsync (group commit).
final class JournalWriter: Sendable {
    private struct Queue {
        var pending: [(entry: NewEntry, ticket: AppendTicket)] = []
        var idle = false
        var closing = false
        var pageLimit: Int??
    }

    let path: String
    private let maxBatch: Int
    private let queue = Mutex(Queue())
    private let wake = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)
    private let currentHealth = Mutex(JournalHealth.healthy)
    private let onHealthChange: @Sendable (JournalHealth) -> Void

    init(path: String, maxBatch: Int, onHealthChange: @escaping @Sendable (JournalHealth) -> Void) {
        self.path = path
        self.maxBatch = max(1, maxBatch)
        self.onHealthChange = onHealthChange
    }

    var health: JournalHealth { currentHealth.withLock { $0 } }

    /// Queues entries; they are written in the order given, after everything queued before.
    func enqueue(_ entries: [NewEntry]) -> [AppendTicket] {
        let tickets = entries.map { _ in AppendTicket() }
        let (accepted, shouldWake) = queue.withLock { queue -> (Bool, Bool) in
            guard !queue.closing else { return (false, false) }
            for (entry, ticket) in zip(entries, tickets) { queue.pending.append((entry, ticket)) }
            let wasIdle = queue.idle
            queue.idle = false
            return (true, wasIdle)
        }
        if !accepted {
            for ticket in tickets { ticket.complete(.failure(.closed(path: path))) }
        }
        if shouldWake { wake.signal() }
        return tickets
    }

    /// Changes the page limit before the next batch (nil removes it).
    func setPageLimit(_ pages: Int?) {
        let shouldWake = queue.withLock { queue -> Bool in
            queue.pageLimit = .some(pages)
            let wasIdle = queue.idle
            queue.idle = false
            return wasIdle
        }
        if shouldWake { wake.signal() }
    }

    /// Writes everything queued, then stops the thread and returns.
    func close() {
        let shouldWake = queue.withLock { queue -> Bool in
            guard !queue.closing else { return false }
            queue.closing = true
            let wasIdle = queue.idle
            queue.idle = false
            return wasIdle
        }
        if shouldWake { wake.signal() }
        finished.wait()
        finished.signal()
    }

    /// The thread's body; owns `database` until it returns.
    func run(database: SQLiteDatabase, lastSeq: Int64, lastHash: Data) {
        var chain = (seq: lastSeq, hash: lastHash)
        while true {
            let (batch, pageLimit, stop) = queue.withLock { queue -> ([(entry: NewEntry, ticket: AppendTicket)], Int??, Bool) in
                let limit = queue.pageLimit
                queue.pageLimit = nil
                if queue.pending.isEmpty {
                    queue.idle = !queue.closing
                    return ([], limit, queue.closing)
                }
                defer { queue.pending = [] }
                return (queue.pending, limit, false)
            }
            if let pageLimit {
                try? database.execute("PRAGMA max_page_count = \(pageLimit ?? 4_294_967_294)")
            }
            if !batch.isEmpty {
                // Everything queued is taken at once; transactions stay at most `maxBatch` entries.
                var start = 0
                while start < batch.count {
                    let end = min(start + maxBatch, batch.count)
                    commit(batch[start..<end], database: database, chain: &chain)
                    start = end
                }
            } else if stop {
                break
            } else if pageLimit == nil {
                wake.wait()
            }
        }
        database.close()
        finished.signal()
    }

    private func commit(_ batch: ArraySlice<(entry: NewEntry, ticket: AppendTicket)>, database: SQLiteDatabase,
                        chain: inout (seq: Int64, hash: Data)) {
        var seq = chain.seq
        var hash = chain.hash
        do throws(JournalError) {
            try database.statement("BEGIN IMMEDIATE").run()
            let insert = try database.statement(
                "INSERT INTO entries (seq, at_ms, kind, subject, actor, body, hash, changes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
            let projections = ProjectionApplier(database: database)
            for (entry, _) in batch {
                seq += 1
                let subject = entry.subject.description
                let changes = entry.changes.isEmpty ? nil : ProjectionChange.encodeList(entry.changes)
                hash = ChainHash.compute(previous: hash, seq: seq, at: entry.at, kind: entry.kind.rawValue,
                                         subject: subject, actor: entry.actor, body: entry.body, changes: changes)
                try insert.run([.integer(seq), .integer(entry.at), .text(entry.kind.rawValue), .text(subject),
                                .optionalText(entry.actor), .blob(entry.body), .blob(hash),
                                changes.map { .blob($0) } ?? .null])
                for change in entry.changes { try projections.apply(change, seq: seq) }
            }
            try database.statement("""
                INSERT INTO chain_head (id, seq, hash) VALUES (1, ?, ?)
                ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash
                """).run([.integer(seq), .blob(hash)])
            try database.statement("COMMIT").run()
        } catch {
            if !database.isAutocommit { try? database.execute("ROLLBACK") }
            report(.failing(error))
            for item in batch { item.ticket.complete(.failure(error)) }
            return
        }
        var committed = chain.seq
        chain = (seq, hash)
        report(.healthy)
        for item in batch {
            committed += 1
            item.ticket.complete(.success(committed))
        }
    }

    private func report(_ health: JournalHealth) {
        let changed = currentHealth.withLock { current -> Bool in
            guard current != health else { return false }
            if case .failing = current, case .failing = health { return false }
            current = health
            return true
        }
        if changed { onHealthChange(health) }
    }
}
