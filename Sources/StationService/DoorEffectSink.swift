public import CustodyCore
import CustodyRecording
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
/// A fire release is sent to the doors before the inner sink sees the apply, so it never waits for the
/// disk; every other door command follows the journaling of the input that caused it. Each unlock's
/// intent, and each door command's outcome, is journaled too.
public final class DoorEffectSink: EffectSink {
    private let inner: any EffectSink
    private let journal: CustodyJournal
    private let doors: any DoorActuator

    public init(wrapping inner: any EffectSink, journal: CustodyJournal, doors: any DoorActuator) {
        self.inner = inner
        self.journal = journal
        self.doors = doors
    }

    public func applied(_ input: Input, at time: Timestamp, outcome: Outcome, engine: CustodyEngine) {
        let fire = outcome.effects.contains(.door(.releaseAll))
        if fire { act(on: outcome.effects, at: time) }
        inner.applied(input, at: time, outcome: outcome, engine: engine)
        if case .observation(.fire(active: false)) = input { doors.releaseAll(active: false) { _, _ in } }
        if !fire { act(on: outcome.effects, at: time) }
    }

    private func act(on effects: [Effect], at time: Timestamp) {
        let journal = self.journal
        for effect in effects {
            guard case .door(let command) = effect else { continue }
            switch command {
            case .releaseAll:
                doors.releaseAll(active: true) { door, outcome in
                    Self.record(outcome, door: door, command: "release", journal: journal)
                }
            case .unlock(let door, let officer):
                _ = journal.append(NewEntry(
                    at: time.milliseconds, kind: .doorIntent, subject: .device("door:\(door.rawValue)"),
                    actor: officer.rawValue, json: #"{"command":"unlock"}"#))
                doors.unlock(door: door, reason: "for \(officer.rawValue)") { outcome in
                    Self.record(outcome, door: door, command: "unlock", journal: journal)
                }
            case .keepLocked:
                break  // the lock stays as it is: nothing is sent, the effect itself is journaled
            }
        }
    }

    private static func record(_ outcome: DoorOutcome, door: DoorID, command: String, journal: CustodyJournal) {
        let body = RecordCoding.encode(["command": command, "confirmed": outcome.confirmed ? "yes" : "no", "detail": outcome.detail])
        _ = journal.append(NewEntry(
            at: UTCMillis.now(), kind: .doorOutcome, subject: .device("door:\(door.rawValue)"), body: body))
    }
}
