/// The range of engineering values (after scale and offset) a point can really take; a reading
/// outside it is reported as out of range, never passed on as a number.
public struct ValidRange: Sendable, Hashable {
    /// Lowest valid value.
    public var min: Double
    /// Highest valid value.
    public var max: Double

    public init(min: Double, max: Double) {
        self.min = min
        self.max = max
    }

    /// Whether `value` lies in the range, both ends included.
    public func contains(_ value: Double) -> Bool { value >= min && value <= max }
}
