/// Whether the daemon reads, writes, or does both with a point.
public enum PointAccess: String, Sendable, Hashable, CaseIterable {
    case read = "r"
    case readWrite = "rw"
    case write = "w"

    /// Whether the poller reads the point.
    public var isPolled: Bool { self != .write }
}
