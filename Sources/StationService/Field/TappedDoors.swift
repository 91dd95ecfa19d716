import CustodyCore

/// A door actuator that reports each command just before it hands it to the buses, so a measurement can
/// split a decision's latency into the daemon's share and the bus's share.
struct TappedDoors: DoorActuator {
    let inner: any DoorActuator
    let tap: @Sendable (StationDaemon.DoorCommandRecord) -> Void

    /// `doors` itself without a tap.
    static func wrap(_ doors: some DoorActuator, tap: (@Sendable (StationDaemon.DoorCommandRecord) -> Void)?) -> any DoorActuator {
        guard let tap else { return doors }
        return TappedDoors(inner: doors, tap: tap)
    }

    func unlock(door: DoorID, reason: String, completion: @escaping @Sendable (DoorOutcome) -> Void) {
        tap(.init(command: "unlock", door: door.rawValue, at: .now))
        inner.unlock(door: door, reason: reason, completion: completion)
    }

    func releaseAll(active: Bool, completion: @escaping @Sendable (DoorID, DoorOutcome) -> Void) {
        tap(.init(command: active ? "release" : "release_end", door: nil, at: .now))
        inner.releaseAll(active: active, completion: completion)
    }
}

extension StationDaemon {
    /// A door command as the daemon hands it to the field buses (for measurements).
    public struct DoorCommandRecord: Sendable {
        /// `unlock`, `release` (every door, fire) or `release_end` (the fire is over).
        public var command: String
        /// The door for an unlock; nil for a release, which covers every door.
        public var door: String?
        /// When the command was handed on.
        public var at: ContinuousClock.Instant
    }
}
