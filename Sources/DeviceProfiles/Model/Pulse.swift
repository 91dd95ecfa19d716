/// A device-timed pulse: after the write, `output` takes `level` for `durationMs`, then returns by
/// itself. The simulator plays it; the daemon only expects it.
public struct Pulse: Sendable, Hashable {
    /// How long the device holds the output.
    public var durationMs: Int
    /// The point that shows the pulse (e.g. the relay coil), if the device exposes one.
    public var output: String?
    /// The value `output` takes during the pulse.
    public var level: Bool

    public init(durationMs: Int, output: String? = nil, level: Bool = true) {
        self.durationMs = durationMs
        self.output = output
        self.level = level
    }
}
