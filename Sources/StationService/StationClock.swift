public import CustodyCore
import Foundation

/// The time the station runs on: the wall clock, or — for simulations only — the wall clock sped up by a
/// factor from a fixed origin, so a scenario measured in hours runs in seconds.
public struct StationClock: Sendable {
    /// How much faster than real time the station's time runs (1 for a real station).
    public let scale: Double
    private let originWall: Int64
    private let originStation: Int64

    /// The real wall clock.
    public static let wall = StationClock(scale: 1, origin: nil)

    /// A clock running `scale` times faster than real time, starting at `origin` (default: now).
    public init(scale: Double, origin: Timestamp?) {
        self.scale = max(scale, 0.000_001)
        let now = Self.wallMilliseconds()
        originWall = now
        originStation = origin?.milliseconds ?? now
    }

    /// The station's current time.
    public func now() -> Timestamp {
        let wall = Self.wallMilliseconds()
        if scale == 1 && originWall == originStation { return Timestamp(milliseconds: wall) }
        return Timestamp(milliseconds: originStation + Int64((Double(wall - originWall) * scale).rounded()))
    }

    /// How long to wait in real time until the station's clock reaches `time` (zero if it already has).
    public func realDelay(until time: Timestamp) -> Duration {
        let ahead = time.milliseconds - now().milliseconds
        guard ahead > 0 else { return .zero }
        return .microseconds(Int64((Double(ahead) * 1000 / scale).rounded(.up)))
    }

    static func wallMilliseconds() -> Int64 { Int64((Date().timeIntervalSince1970 * 1000).rounded()) }
}
