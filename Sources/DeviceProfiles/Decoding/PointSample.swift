/// A point's reading out of a polled block.
public struct PointSample: Sendable, Hashable {
    /// The point's name.
    public let point: String
    /// What the poll said about it.
    public let reading: PointReading

    public init(point: String, reading: PointReading) {
        self.point = point
        self.reading = reading
    }
}
