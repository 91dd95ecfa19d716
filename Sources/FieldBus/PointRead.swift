public import DeviceProfiles

/// One point of a device read on request through its bus: the point (name, unit, …) and what the read
/// said, or why its batch failed.
public struct PointRead: Sendable, Equatable {
    /// The profile's point.
    public let point: Point
    /// The decoded reading, or the failure of the read that covered the point.
    public let result: Result<PointReading, TransactionError>

    public init(point: Point, result: Result<PointReading, TransactionError>) {
        self.point = point
        self.result = result
    }
}
