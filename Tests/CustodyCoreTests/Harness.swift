import Testing
import CustodyCore

/// Drives an engine in virtual time and keeps every effect, for readable tests.
///
/// After every input it also checks that re-running every rule would change nothing (see
/// `FixedPointChecker`): each rule test then also proves that the inputs it drives re-evaluate
/// whatever they affect. A rule test's station holds a few people, so the check costs little.
struct Harness {
    var engine: CustodyEngine
    var time: Timestamp
    var log: [(Timestamp, Effect)] = []
    /// The inputs applied so far.
    private(set) var steps = 0
    /// Compares the engine with a full evaluation after every input.
    private var fixedPoint = FixedPointChecker(period: 1)

    init(layout: StationLayout = Fixtures.layout, parameters: RuleParameters = .defaults, start: Timestamp = Fixtures.start) {
        engine = CustodyEngine(layout: layout, parameters: parameters, start: start)
        time = start
    }

    @discardableResult
    mutating func apply(_ input: Input) -> Outcome {
        let outcome = engine.apply(input, at: time)
        for effect in outcome.effects { log.append((time, effect)) }
        steps += 1
        fixedPoint.check(step: steps, input, at: time, engine)
        return outcome
    }

    @discardableResult
    mutating func command(_ action: CommandAction, by officer: OfficerID = "o1") -> Outcome {
        apply(.command(Command(by: officer, action)))
    }

    @discardableResult
    mutating func observe(_ observation: Observation) -> Outcome {
        apply(.observation(observation))
    }

    mutating func see(_ tag: TagID, in zone: ZoneID) {
        observe(.tagSeen(tag: tag, zone: zone))
    }

    /// Advances time by `span`, ticking at every deadline on the way.
    mutating func advance(_ span: TimeSpan) {
        let target = time + span
        while let next = engine.nextDeadline, next <= target {
            time = max(time, next)
            apply(.tick)
        }
        time = target
        apply(.tick)
    }

    /// Registers a person with full intake and a wristband.
    mutating func admit(_ registration: Registration, tag: TagID, intake: Bool = true) {
        command(.register(registration: registration))
        command(.assignWristband(person: registration.person, tag: tag))
        if intake {
            command(.safetyCheckDone(person: registration.person))
            command(.healthIntake(person: registration.person, injury: false, note: ""))
            command(.belongingsListed(person: registration.person, items: 3))
        }
    }

    func level(_ key: AlertKey) -> AlertLevel? { engine.alert(key)?.level }

    /// Alert effects for a rule, in order, as (kind, level).
    func history(_ key: AlertKey) -> [String] {
        log.compactMap { _, effect in
            guard let alert = effect.alert, alert.key == key else { return nil }
            switch effect {
            case .raiseAlert: return "raise:\(alert.level.rawValue)"
            case .escalateAlert: return "escalate:\(alert.level.rawValue)"
            case .repeatAlert: return "repeat:\(alert.level.rawValue)"
            case .clearAlert: return "clear"
            case .acknowledgeAlert: return "ack"
            default: return nil
            }
        }
    }

    func raised(_ rule: RuleID) -> Bool {
        log.contains { _, effect in
            if case .raiseAlert(let alert) = effect { return alert.key.rule == rule }
            return false
        }
    }
}
