/// A min-heap of deadlines, one live deadline per key, with lazy invalidation.
///
/// Each key is given a slot the first time it is scheduled; the heap holds small entries (time,
/// slot, generation) and the live deadline and generation of each slot sit together in an array,
/// so checking whether an entry is still live costs one array read (one cache line), not a hash
/// lookup, and a heap of thousands of entries stays compact. Rescheduling a key pushes a new entry
/// and bumps its slot's generation; older entries for the key are stale and are discarded when they
/// reach the top. Popping what is due therefore costs O(due · log n) and never scans every key. The
/// heap is compacted when stale entries dominate. Entries due at the same time pop in key order.
struct DeadlineQueue<Key: Hashable & Comparable & Sendable>: Sendable, Equatable {
    struct Entry: Sendable, Equatable {
        var time: Timestamp
        var slot: Int32
        var generation: UInt32
    }

    /// A slot's live deadline and the generation of its live entry, in 16 bytes.
    struct Live: Sendable, Equatable {
        /// Milliseconds, `Int64.min` while the slot has no live deadline.
        private var raw = Int64.min
        private(set) var generation: UInt32 = 0

        var time: Timestamp? { raw == .min ? nil : Timestamp(milliseconds: raw) }

        /// Makes `time` the live deadline, under a new generation.
        mutating func start(_ time: Timestamp) {
            precondition(time.milliseconds != .min, "no deadline is at the earliest representable time")
            raw = time.milliseconds
            generation &+= 1
        }

        /// Ends the live deadline: its entry, wherever it is in the heap, is now stale.
        mutating func end() {
            raw = .min
            generation &+= 1
        }
    }

    private var heap: [Entry] = []
    private var slotOfKey: [Key: Int32] = [:]
    private var keys: [Key] = []
    /// Per slot: the live deadline, if any, and the generation of its live entry.
    private var live: [Live] = []
    private var liveCount = 0

    /// The earliest live deadline.
    var next: Timestamp? { heap.first?.time }

    /// The number of live deadlines.
    var count: Int { liveCount }

    /// The live deadline of `key`, if any.
    func deadline(of key: Key) -> Timestamp? { slotOfKey[key].flatMap { live[Int($0)].time } }

    /// The live deadline of the key in `slot` (a slot `schedule` returned), read without a lookup.
    func deadline(inSlot slot: Int32) -> Timestamp? { live[Int(slot)].time }

    /// Sets (or with `nil`, cancels) the deadline of `key`, whose slot is `known` if the caller kept
    /// it (saving the lookup); returns the key's slot, `nil` only for a key never scheduled.
    @discardableResult
    mutating func schedule(_ key: Key, at time: Timestamp?, slot known: Int32? = nil) -> Int32? {
        guard let time else {
            guard let slot = known ?? slotOfKey[key] else { return nil }
            let index = Int(slot)
            guard live[index].time != nil else { return slot }
            live[index].end()
            liveCount -= 1
            purgeTop()
            return slot
        }
        let slot = known.map(Int.init) ?? slot(of: key)
        let previous = live[slot].time
        if previous == time { return Int32(slot) }
        if previous == nil { liveCount += 1 }
        live[slot].start(time)
        push(Entry(time: time, slot: Int32(slot), generation: live[slot].generation))
        purgeTop()
        if heap.count > 64 && heap.count > 4 * liveCount { compact() }
        return Int32(slot)
    }

    /// Removes and returns the earliest live key due at or before `time`.
    mutating func popDue(atOrBefore time: Timestamp) -> (key: Key, time: Timestamp)? {
        guard let top = heap.first, top.time <= time else { return nil }
        popTop()
        let slot = Int(top.slot)
        live[slot].end()
        liveCount -= 1
        purgeTop()
        return (keys[slot], top.time)
    }

    private mutating func slot(of key: Key) -> Int {
        if let slot = slotOfKey[key] { return Int(slot) }
        let slot = keys.count
        slotOfKey[key] = Int32(slot)
        keys.append(key)
        live.append(Live())
        return slot
    }

    private func isLive(_ entry: Entry) -> Bool {
        let slot = live[Int(entry.slot)]
        return slot.generation == entry.generation && slot.time != nil
    }

    /// Time first, then key; entries of one key, of which at most one is live, by generation.
    private func precedes(_ lhs: Entry, _ rhs: Entry) -> Bool {
        if lhs.time != rhs.time { return lhs.time < rhs.time }
        if lhs.slot != rhs.slot { return keys[Int(lhs.slot)] < keys[Int(rhs.slot)] }
        return lhs.generation < rhs.generation
    }

    private mutating func purgeTop() {
        while let top = heap.first, !isLive(top) { popTop() }
    }

    private mutating func compact() {
        heap = heap.filter { isLive($0) }.sorted { precedes($0, $1) }
    }

    private mutating func push(_ entry: Entry) {
        heap.append(entry)
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard precedes(heap[child], heap[parent]) else { break }
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
            if left < heap.count && precedes(heap[left], heap[smallest]) { smallest = left }
            if right < heap.count && precedes(heap[right], heap[smallest]) { smallest = right }
            if smallest == parent { return }
            heap.swapAt(parent, smallest)
            parent = smallest
        }
    }
}
