import Testing
@testable import CustodyCore

/// Checks the engine's promises after every step of a history.
struct InvariantChecker {
    private var open: [AlertKey: AlertLevel] = [:]
    private var clockStarts: [PersonID: Timestamp] = [:]
    private var lastTime: Timestamp?
    private(set) var alarmsSeen = 0
    private(set) var effectsSeen = 0
    private var steps = 0
    /// Whether re-running every rule finds what the step's partial evaluation did (see `FixedPointChecker`).
    private(set) var fixedPoint: FixedPointChecker

    /// A checker that compares the engine with a full evaluation every `fullEvaluationPeriod` steps.
    init(fullEvaluationPeriod: Int) {
        fixedPoint = FixedPointChecker(period: fullEvaluationPeriod)
    }

    static func isLadder(_ key: AlertKey) -> Bool {
        switch key.rule {
        case .clk01, .clk02, .clk03, .clk04, .clk05, .clk06: key.condition != "holding"
        default: false
        }
    }

    mutating func check(_ input: Input, at time: Timestamp, _ outcome: Outcome, _ engine: CustodyEngine) {
        let gap = lastTime.map { time - $0 } ?? .zero
        lastTime = time
        effectsSeen += outcome.effects.count
        if case .observation(.fire(active: true)) = input {
            #expect(outcome.effects.first == .door(.releaseAll), "a fire signal must release every lock first")
        }
        if engine.isFireActive {
            #expect(!outcome.effects.contains { if case .door(.keepLocked) = $0 { true } else { false } }, "no lock held in a fire")
        }
        for effect in outcome.effects { track(effect, gap: gap) }
        for key in Set(outcome.effects.compactMap { $0.alert?.key }) {
            #expect(engine.alert(key)?.level == open[key], "every raised alert is open or was cleared by a later effect")
        }
        #expect(engine.openAlertCount == open.count, "no alert opened or closed without an effect")
        steps += 1
        if steps % 20 == 0 {
            let engineOpen = Dictionary(uniqueKeysWithValues: engine.openAlerts.map { ($0.key, $0.level) })
            #expect(engineOpen == open, "every raised alert is open or was cleared by a later effect")
        }
        checkPlaces(engine, full: steps % 20 == 0)
        checkClocks(input, engine, full: steps % 20 == 0)
        if let next = engine.nextDeadline { #expect(next > engine.now, "every due deadline was handled") }
        fixedPoint.check(step: steps, input, at: time, engine)
    }

    /// Checks what only the end of the history can: that its last state is a full evaluation's fixed point.
    mutating func finish(_ engine: CustodyEngine) {
        fixedPoint.finish(engine)
    }

    private mutating func track(_ effect: Effect, gap: TimeSpan) {
        guard let alert = effect.alert else { return }
        let key = alert.key
        let previous = open[key]
        switch effect {
        case .raiseAlert:
            #expect(previous == nil, "raised twice: \(key)")
            open[key] = alert.level
        case .escalateAlert:
            #expect(previous.map { $0 < alert.level } ?? false, "escalation must raise the level: \(key)")
            open[key] = alert.level
        case .clearAlert:
            #expect(open.removeValue(forKey: key) != nil, "cleared an alert that was not open: \(key)")
        case .repeatAlert, .acknowledgeAlert:
            #expect(previous != nil, "repeat or acknowledge of an alert that is not open: \(key)")
        default:
            break
        }
        guard Self.isLadder(key) else { return }
        switch effect {
        case .raiseAlert, .escalateAlert:
            let ladder: [AlertLevel] = key.rule == .clk05 || key.rule == .clk06 ? [.warn, .alarm] : AlertLevel.allCases
            let from = previous.flatMap { ladder.firstIndex(of: $0) } ?? -1
            let to = ladder.firstIndex(of: alert.level) ?? 0
            if alert.level == .alarm { alarmsSeen += 1 }
            #expect(to == from + 1 || gap >= .minutes(15), "\(key) skipped a step of its ladder without a time jump")
        default:
            break
        }
    }

    private func checkPlaces(_ engine: CustodyEngine, full: Bool) {
        var placed: [PersonID: ZoneID] = [:]
        for zone in RandomHistory.zones {
            for person in engine.occupants(of: zone) {
                #expect(placed[person] == nil, "\(person) is in two zones")
                placed[person] = zone
                #expect(engine.person(person)?.zone == zone, "\(person) occupancy disagrees with their zone")
            }
        }
        #expect(engine.wristbandsOutOfStep() == [], "a wristband's zone is its wearer's")
        guard full else { return }
        for person in engine.peopleInCustody {
            #expect(placed[person.id] == person.zone, "\(person.id) occupancy disagrees with their zone")
        }
    }

    private mutating func checkClocks(_ input: Input, _ engine: CustodyEngine, full: Bool) {
        var subjects: [Person] = []
        if full {
            subjects = engine.peopleInCustody
        } else if case .command(let command) = input, let id = command.action.person, let person = engine.person(id), !person.isReleased {
            subjects = [person]
        }
        for person in subjects {
            if let previous = clockStarts[person.id] {
                var moved = false
                if case .command(let command) = input, case .moveClockStart(let id, _, _) = command.action {
                    moved = id == person.id
                }
                #expect(person.clockStart == previous || (moved && person.clockStart < previous), "clock of \(person.id) restarted")
            }
            clockStarts[person.id] = person.clockStart
        }
    }
}
