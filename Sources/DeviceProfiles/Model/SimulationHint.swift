public import Modbus

/// How the simulator should animate one point. Ignored by the daemon.
public struct SimulationHint: Sendable, Hashable {
    /// A random walk in engineering units.
    public struct Drift: Sendable, Hashable {
        /// Lowest value the walk reaches.
        public var min: Double
        /// Highest value the walk reaches.
        public var max: Double
        /// Largest change per step.
        public var step: Double

        public init(min: Double, max: Double, step: Double) {
            self.min = min
            self.max = max
            self.step = step
        }
    }

    /// The point copies another one (a bond sensor following the lock relay).
    public struct Follows: Sendable, Hashable {
        /// The point copied.
        public var point: String
        /// Take the opposite value.
        public var invert: Bool
        /// Lag behind the followed point (a lock takes time to bond).
        public var delayMs: Int

        public init(point: String, invert: Bool = false, delayMs: Int = 0) {
            self.point = point
            self.invert = invert
            self.delayMs = delayMs
        }
    }

    /// The point this hint animates.
    public var point: String
    /// Value at start, in engineering units (`bool` for bit points, `double` or `string` otherwise).
    public var initial: ModbusValue?
    /// A random walk, for sensors.
    public var drift: Drift?
    /// A copy of another point, for inputs wired to outputs.
    public var follows: Follows?
    /// Where the hint is written.
    public var location: SourceLocation

    public init(
        point: String, initial: ModbusValue? = nil, drift: Drift? = nil, follows: Follows? = nil,
        location: SourceLocation = .unknown
    ) {
        self.point = point
        self.initial = initial
        self.drift = drift
        self.follows = follows
        self.location = location
    }
}
