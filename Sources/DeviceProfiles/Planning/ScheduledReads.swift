/// The reads to repeat every `intervalMs`.
public struct ScheduledReads: Sendable, Hashable {
    /// How often the reads repeat.
    public let intervalMs: Int
    /// The reads, by table and address.
    public let batches: [ReadBatch]

    public init(intervalMs: Int, batches: [ReadBatch]) {
        self.intervalMs = intervalMs
        self.batches = batches
    }
}
