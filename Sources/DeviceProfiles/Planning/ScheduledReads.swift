/// The reads to repeat every `intervalMs`.
public struct ScheduledReads: Sendable, Hashable {
    public let intervalMs: Int
    public let batches: [ReadBatch]

    public init(intervalMs: Int, batches: [ReadBatch]) {
        self.intervalMs = intervalMs
        self.batches = batches
    }
}
