public import CustodyCore
import Foundation
public import Journal

/// Turns what the core was given and what it decided into journal entries, with the projection changes
/// that keep the supervisors' queries current in the same transaction.
///
/// One input gives one entry of its own kind (observation, command, tick) whose body replays it, then
/// one `effect` entry per effect. A rejected command is journaled too (who asked, and why it was refused):
/// replay gives the same rejection and changes nothing.
public struct CustodyRecorder: Sendable {
    public init() {}

    /// The entries for one `apply`. `engine` is the engine after the apply, for the clocks it reports.
    public func entries(for input: Input, at time: Timestamp, outcome: Outcome, engine: CustodyEngine) -> [NewEntry] {
        let at = time.milliseconds
        var inputChanges: [ProjectionChange] = []
        var touched = Set<PersonID>()
        let (kind, subject, actor) = Self.describe(input)
        switch input {
        case .command(let command) where outcome.isAccepted:
            inputChanges += commandChanges(command, at: at, engine: engine)
            if let person = command.action.person { touched.insert(person) }
        case .observation(.tagSeen(let tag, let zone)):
            if let person = engine.person(wearing: tag) {
                inputChanges.append(.zonePresence(person: person.id.rawValue, zone: zone.rawValue, at: at))
            }
        case .observation(.device(let device, let online)):
            inputChanges.append(.deviceStatus(device: device.rawValue, online: online, detail: online ? "online" : "offline", at: at))
        default:
            break
        }
        let body = InputRecord(at: time, input: input)
        var entries = [NewEntry(at: at, kind: kind, subject: subject, actor: actor, body: RecordCoding.encode(body), changes: inputChanges)]
        if let rejection = outcome.rejection {
            entries.append(NewEntry(
                at: at, kind: "rejection", subject: subject, actor: actor, body: RecordCoding.encode(rejection)))
        }
        for effect in outcome.effects {
            if let person = effect.alert?.key.person { touched.insert(person) }
            entries.append(NewEntry(
                at: at, kind: .effect, subject: Self.subject(of: effect), body: RecordCoding.encode(effect),
                changes: Self.effectChanges(effect, at: at)))
        }
        // Clock projections for every person this apply touched, attached to the last entry.
        let clockChanges = touched.sorted().flatMap { person in
            engine.clocks(for: person).map { clock in
                ProjectionChange.clockUpdated(
                    person: person.rawValue, clock: "\(clock.rule.rawValue):\(clock.condition)",
                    startedAt: clock.start.milliseconds, limitAt: clock.end.milliseconds,
                    nextStepAt: clock.nextStep?.milliseconds, nextLevel: Self.nextLevel(after: clock.level))
            }
        }
        if !clockChanges.isEmpty { entries[entries.count - 1].changes += clockChanges }
        return entries
    }

    private func commandChanges(_ command: Command, at: UTCMillis, engine: CustodyEngine) -> [ProjectionChange] {
        switch command.action {
        case .register(let registration):
            let id = registration.idHash.flatMap { hash in
                Self.bytes(hex: hash).map { ProtectedID(hash: Data($0), last4: registration.idLast4 ?? "") }
            }
            return [.custodyOpened(
                person: registration.person.rawValue, displayName: registration.person.rawValue, id: id,
                arrivedAt: registration.arrival?.milliseconds ?? at)]
        case .release(let person, _):
            return [.custodyClosed(person: person.rawValue, releasedAt: at, outcome: "released")]
        default:
            return []
        }
    }

    static func effectChanges(_ effect: Effect, at: UTCMillis) -> [ProjectionChange] {
        switch effect {
        case .raiseAlert(let alert):
            return [.alertRaised(
                id: alert.key.description, rule: alert.key.rule.rawValue, level: level(alert.level),
                person: alert.key.person?.rawValue, zone: alert.key.zone?.rawValue, message: alert.message, at: at)]
        case .escalateAlert(let alert):
            return [.alertLevelChanged(id: alert.key.description, level: level(alert.level), at: at)]
        case .acknowledgeAlert(let alert):
            return [.alertAcknowledged(id: alert.key.description, by: alert.acknowledgedBy?.rawValue ?? "", at: at)]
        case .clearAlert(let alert):
            return [.alertCleared(id: alert.key.description, at: at)]
        case .repeatAlert, .door, .headCount:
            return []
        }
    }

    static func describe(_ input: Input) -> (EntryKind, Subject, String?) {
        switch input {
        case .tick:
            return (.tick, .station, nil)
        case .command(let command):
            let subject = command.action.person.map { Subject.person($0.rawValue) } ?? .officer(command.officer.rawValue)
            return (.command, subject, command.officer.rawValue)
        case .observation(let observation):
            switch observation {
            case .tagSeen(let tag, _), .tagLost(let tag), .strap(let tag, _), .tagBattery(let tag, _), .accessRequest(let tag, _):
                return (.observation, Subject(.device, "tag:\(tag.rawValue)"), nil)
            case .doorPosition(let door, _), .lockState(let door, _):
                return (.observation, Subject(.device, "door:\(door.rawValue)"), nil)
            case .sensor(let device, _, _), .recorder(let device, _), .device(let device, _):
                return (.observation, .device(device.rawValue), nil)
            case .fire:
                return (.observation, .station, nil)
            }
        }
    }

    static func subject(of effect: Effect) -> Subject {
        if let key = effect.alert?.key {
            if let person = key.person { return .person(person.rawValue) }
            if let zone = key.zone { return .zone(zone.rawValue) }
            if let device = key.device { return .device(device.rawValue) }
        }
        return .station
    }

    static func level(_ level: CustodyCore.AlertLevel) -> Journal.AlertLevel {
        Journal.AlertLevel(rawValue: level.rawValue) ?? .alarm
    }

    static func nextLevel(after level: CustodyCore.AlertLevel?) -> Journal.AlertLevel? {
        switch level {
        case nil: .warn
        case .warn?: .warn2
        case .warn2?: .critical
        case .critical?, .alarm?: .alarm
        }
    }

    static func bytes(hex: String) -> [UInt8]? {
        let digits = Array(hex.utf8)
        guard digits.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        for i in stride(from: 0, to: digits.count, by: 2) {
            guard let byte = UInt8(String(decoding: digits[i..<i + 2], as: UTF8.self), radix: 16) else { return nil }
            bytes.append(byte)
        }
        return bytes
    }
}
