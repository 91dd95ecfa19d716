public import Modbus

/// A read-back after a command: `point` must read `expect` within `withinMs`.
public struct Verify: Sendable, Hashable {
    /// The point read back.
    public var point: String
    /// `bool` for bit points, `double` (engineering value) for numeric ones.
    public var expect: ModbusValue
    /// How long the device may take.
    public var withinMs: Int

    public init(point: String, expect: ModbusValue, withinMs: Int) {
        self.point = point
        self.expect = expect
        self.withinMs = withinMs
    }
}
