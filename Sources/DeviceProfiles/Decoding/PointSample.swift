/// A point's reading out of a polled block.
public struct PointSample: Sendable, Hashable {
    public let point: String
    public let reading: PointReading

    public init(point: String, reading: PointReading) {
        self.point = point
        self.reading = reading
    }
}
