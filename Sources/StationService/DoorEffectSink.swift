public import CustodyCore
import CustodyRecording
import Foundation
public import Journal

/// Carries out door commands for the station: the field-bus side of the sink.
public protocol DoorActuator: Sendable {
    /// Sends the unlock pulse of `door`'s lock at command priority; `completion` gets a one-line outcome.
    func unlock(door: DoorID, reason: String, completion: @escaping @Sendable (DoorOutcome) -> Void)
    /// Sends every controlled door's unlock pulse at once (fire), and keeps them released while `active`.
    func releaseAll(active: Bool, completion: @escaping @Sendable (DoorID, DoorOutcome) -> Void)
}

/// What became of a door command, as journaled.
public struct DoorOutcome: Sendable, Hashable, Codable {
    public var confirmed: Bool
    public var detail: String

    public init(confirmed: Bool, detail: String) {
        self.confirmed = confirmed
        self.detail = detail
    }
}

/// The loop's sink at a station: door effects carried out around an inner sink (the journaling one).
///
/// Door commands go to the buses first, before the input that caused them is encoded and queued for the
/// journal: the queue is not the disk, so waiting for it bought no safety, only latency (and a fire
/// release never waits for anything). The journal still reads in causal order — the input, the core's
/// effects, each unlock's intent, then each command's outcome — because a command's outcome is appended
/// only after its intent (`order` is held from sending until the intents are queued).
public final class DoorEffectSink: EffectSink {
    private let inner: any EffectSink
    private let journal: CustodyJournal
    private let doors: any DoorActuator
    /// Recursive: a command refused at once (no lock, bus closed) completes on the loop thread itself.
    private let order = NSRecursiveLock()

    public init(wrapping inner: any EffectSink, journal: CustodyJournal, doors: any DoorActuator) {
        self.inner = inner
        self.journal = journal
        self.doors = doors
    }

    public func applied(_ input: Input, at time: Timestamp, outcome: Outcome, engine: CustodyEngine) {
        var intents: [NewEntry] = []
        order.lock()
        for effect in outcome.effects {
            guard case .door(let command) = effect else { continue }
            switch command {
            case .releaseAll:
                doors.releaseAll(active: true) { [self] door, result in record(result, door: door, command: "release") }
            case .unlock(let door, let officer):
                doors.unlock(door: door, reason: "for \(officer.rawValue)") { [self] result in
                    record(result, door: door, command: "unlock")
                }
                intents.append(NewEntry(
                    at: time.milliseconds, kind: .doorIntent, subject: .device("door:\(door.rawValue)"),
                    actor: officer.rawValue, json: #"{"command":"unlock"}"#))
            case .keepLocked:
                break  // the lock stays as it is: nothing is sent, the effect itself is journaled
            }
        }
        if case .observation(.fire(active: false)) = input { doors.releaseAll(active: false) { _, _ in } }
        inner.applied(input, at: time, outcome: outcome, engine: engine)
        if !intents.isEmpty { _ = journal.append(contentsOf: intents) }
        order.unlock()
    }

    /// A door command's outcome, after its intent (it waits for `applied` to finish queuing).
    private func record(_ outcome: DoorOutcome, door: DoorID, command: String) {
        let body = RecordCoding.encode(["command": command, "confirmed": outcome.confirmed ? "yes" : "no", "detail": outcome.detail])
        order.lock()
        _ = journal.append(NewEntry(
            at: UTCMillis.now(), kind: .doorOutcome, subject: .device("door:\(door.rawValue)"), body: body))
        order.unlock()
    }
}
