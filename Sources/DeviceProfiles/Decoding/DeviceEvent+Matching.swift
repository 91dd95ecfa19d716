extension DeviceEvent.Trigger {
    /// The point the trigger watches.
    public var point: String {
        switch self {
        case .latch(let point, _), .counter(let point): point
        }
    }

    /// Whether the event fired, given the trigger point's reading now and at the previous poll.
    ///
    /// A latch fires whenever it reads its value (it stays set until acknowledged, so the caller
    /// acknowledges before the next poll). A counter fires when a good reading differs from the
    /// previous good one; the first reading only sets the baseline.
    public func fires(now: PointReading, previous: PointReading?) -> Bool {
        switch self {
        case .latch(_, let equals):
            return now.matches(equals)
        case .counter:
            guard let current = now.value, let before = previous?.value else { return false }
            return current != before
        }
    }
}
