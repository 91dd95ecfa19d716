public import CustodyCore
import Dispatch
public import FieldBus
public import StationConfig
import Synchronization

/// The station's door locks, driven through the field buses.
///
/// Every unlock is the profile's device-timed pulse: if the link is lost mid-pulse the lock closes again
/// by itself, so a lost link never leaves a door unlocked by us. During a fire the pulses are repeated
/// before they run out, for as long as the alarm lasts (the panel's own hard-wired release comes first;
/// this is the second path).
public final class FieldDoors: DoorActuator {
    private struct Lock: Sendable {
        var device: String
        var command: String
    }

    private let buses: FieldBusSupervisor
    private let locks: [DoorID: Lock]
    private let order: [DoorID]
    private let repeatEvery: Duration
    private let fire = Mutex<FireState>(FireState())

    private struct FireState {
        var active = false
        var generation = 0
    }

    /// Doors of `station` on `buses`; during a fire the unlock pulses are renewed every `repeatEvery`
    /// (keep it below the shortest pulse).
    public init(station: Station, buses: FieldBusSupervisor, repeatEvery: Duration = .seconds(3)) {
        var locks: [DoorID: Lock] = [:]
        for door in station.doors { locks[DoorID(door.id)] = Lock(device: door.device, command: door.unlockCommand) }
        self.buses = buses
        self.locks = locks
        self.order = station.doors.map { DoorID($0.id) }
        self.repeatEvery = repeatEvery
    }

    public func unlock(door: DoorID, reason: String, completion: @escaping @Sendable (DoorOutcome) -> Void) {
        guard let lock = locks[door] else {
            return completion(DoorOutcome(confirmed: false, detail: "door \(door) has no lock the daemon controls"))
        }
        buses.send(command: lock.command, to: lock.device) { outcome in
            completion(DoorOutcome(confirmed: outcome.succeeded, detail: "\(lock.device) \(lock.command): \(outcome)"))
        }
    }

    public func releaseAll(active: Bool, completion: @escaping @Sendable (DoorID, DoorOutcome) -> Void) {
        let generation: Int? = fire.withLock { state in
            guard state.active != active else { return nil }
            state.active = active
            state.generation += 1
            return state.generation
        }
        guard active, let generation else { return }
        pulseAll(completion: completion)
        scheduleRenewal(generation: generation)
    }

    private func pulseAll(completion: (@Sendable (DoorID, DoorOutcome) -> Void)?) {
        for door in order {
            guard let lock = locks[door] else { continue }
            buses.send(command: lock.command, to: lock.device) { outcome in
                completion?(door, DoorOutcome(confirmed: outcome.succeeded, detail: "\(lock.device) \(lock.command): \(outcome)"))
            }
        }
    }

    private func scheduleRenewal(generation: Int) {
        let nanoseconds = repeatEvery.components.seconds * 1_000_000_000 + repeatEvery.components.attoseconds / 1_000_000_000
        DispatchQueue.global().asyncAfter(deadline: .now() + .nanoseconds(Int(nanoseconds))) { [weak self] in
            guard let self, self.fire.withLock({ $0.active && $0.generation == generation }) else { return }
            self.pulseAll(completion: nil)
            self.scheduleRenewal(generation: generation)
        }
    }
}
