import Foundation

/// The station simulator's record of what happened, for commands that wait on it: numbered event lines
/// (the master's writes) that `watch` streams, and a change count that `wait` sleeps on until a point
/// may have moved (a write, a control command or a tick of the animation).
///
/// `@unchecked Sendable`: every stored property is read and written only while `condition` is locked.
final class ActivityLog: @unchecked Sendable {
    private let condition = NSCondition()
    private var lines: [String] = []
    /// The number of the first line still kept in `lines`.
    private var firstNumber = 0
    private var changes = 0
    private var closed = false
    private let capacity: Int

    init(capacity: Int = 10_000) { self.capacity = capacity }

    /// The number the next line will get: a watcher starting now reads from here.
    var nextNumber: Int { condition.withLock { firstNumber + lines.count } }

    /// The current change count.
    var changeCount: Int { condition.withLock { changes } }

    /// Records an event line (if any) and wakes every waiter.
    func record(_ line: String? = nil) {
        condition.withLock {
            if let line {
                lines.append(line)
                if lines.count > capacity {
                    let dropped = lines.count - capacity
                    lines.removeFirst(dropped)
                    firstNumber += dropped
                }
            }
            changes &+= 1
            condition.broadcast()
        }
    }

    /// Wakes every waiter for good: the simulator is stopping.
    func close() {
        condition.withLock {
            closed = true
            condition.broadcast()
        }
    }

    /// Waits until the change count passes `seen` or `deadline` comes.
    ///
    /// - Returns: The change count now, or nil once the log is closed.
    func waitForChange(after seen: Int, until deadline: Date) -> Int? {
        condition.withLock {
            while changes == seen, !closed, condition.wait(until: deadline) {}
            return closed ? nil : changes
        }
    }

    /// The lines from number `from` on, waiting until there is one or `deadline` comes.
    ///
    /// - Returns: The lines (empty on timeout; lines dropped for capacity are skipped) and the number to read
    ///   from next, or nil once the log is closed.
    func lines(from: Int, until deadline: Date) -> (lines: [String], next: Int)? {
        condition.withLock {
            while firstNumber + lines.count <= from, !closed, condition.wait(until: deadline) {}
            if closed { return nil }
            let start = max(from, firstNumber)
            let end = firstNumber + lines.count
            return (start < end ? Array(lines[(start - firstNumber)...]) : [], max(end, from))
        }
    }
}
