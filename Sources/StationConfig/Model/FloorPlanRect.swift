/// A zone's rectangle on the station's floor plan, in the plan's units (metres in the examples),
/// with the origin at the top left.
public struct FloorPlanRect: Sendable, Hashable {
    /// Left edge.
    public var x: Double
    /// Top edge.
    public var y: Double
    /// Width, greater than zero.
    public var width: Double
    /// Height, greater than zero.
    public var height: Double

    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }
}
