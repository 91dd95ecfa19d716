/// A min-heap of deadlines, one live deadline per key, with lazy invalidation.
///
/// Rescheduling a key pushes a new entry and bumps its generation; older entries for the key are
/// stale and are discarded when they reach the top. Popping what is due therefore costs
/// O(due · log n) and never scans every key. The heap is compacted when stale entries dominate.
struct DeadlineQueue<Key: Hashable & Comparable & Sendable>: Sendable, Equatable {
    struct Entry: Sendable, Equatable {
        var time: Timestamp
        var key: Key
        var generation: UInt64

        func precedes(_ other: Entry) -> Bool {
            if time != other.time { return time < other.time }
            if key != other.key { return key < other.key }
            return generation < other.generation
        }
    }

    private var heap: [Entry] = []
    private var live: [Key: Entry] = [:]
    private var generation: UInt64 = 0

    /// The earliest live deadline.
    var next: Timestamp? { heap.first?.time }

    /// The number of live deadlines.
    var count: Int { live.count }

    /// The live deadline of `key`, if any.
    func deadline(of key: Key) -> Timestamp? { live[key]?.time }

    /// Sets (or with `nil`, cancels) the deadline of `key`.
    mutating func schedule(_ key: Key, at time: Timestamp?) {
        guard let time else {
            if live.removeValue(forKey: key) != nil { purgeTop() }
            return
        }
        if live[key]?.time == time { return }
        generation += 1
        let entry = Entry(time: time, key: key, generation: generation)
        live[key] = entry
        push(entry)
        purgeTop()
        if heap.count > 64 && heap.count > 4 * live.count { compact() }
    }

    /// Removes and returns the earliest live key due at or before `time`.
    mutating func popDue(atOrBefore time: Timestamp) -> (key: Key, time: Timestamp)? {
        guard let top = heap.first, top.time <= time else { return nil }
        popTop()
        live.removeValue(forKey: top.key)
        purgeTop()
        return (top.key, top.time)
    }

    private func isLive(_ entry: Entry) -> Bool { live[entry.key]?.generation == entry.generation }

    private mutating func purgeTop() {
        while let top = heap.first, !isLive(top) { popTop() }
    }

    private mutating func compact() {
        heap = live.values.sorted { $0.precedes($1) }
    }

    private mutating func push(_ entry: Entry) {
        heap.append(entry)
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].precedes(heap[parent]) else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    private mutating func popTop() {
        let last = heap.removeLast()
        guard !heap.isEmpty else { return }
        heap[0] = last
        var parent = 0
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var smallest = parent
            if left < heap.count && heap[left].precedes(heap[smallest]) { smallest = left }
            if right < heap.count && heap[right].precedes(heap[smallest]) { smallest = right }
            if smallest == parent { return }
            heap.swapAt(parent, smallest)
            parent = smallest
        }
    }
}
