/// The last few hundred round-trip times of one device, for percentiles without unbounded memory.
struct LatencyWindow: Sendable {
    private var samples: [Double] = []
    private var next = 0
    let capacity: Int

    init(capacity: Int = 512) { self.capacity = capacity }

    mutating func record(_ milliseconds: Double) {
        if samples.count < capacity {
            samples.append(milliseconds)
        } else {
            samples[next] = milliseconds
        }
        next = (next + 1) % capacity
    }

    /// The `fraction` quantile (0…1) by nearest rank, or nil before any sample.
    func quantile(_ fraction: Double) -> Double? {
        guard !samples.isEmpty else { return nil }
        let sorted = samples.sorted()
        let rank = Int((fraction * Double(sorted.count)).rounded(.up)) - 1
        return sorted[min(sorted.count - 1, max(0, rank))]
    }
}
