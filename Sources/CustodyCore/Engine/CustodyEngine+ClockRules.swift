/// The clock rules: CLK-01…CLK-07.
extension CustodyEngine {
    static let measureClockRules: [RuleID] = [.clk01, .clk02, .clk03]

    /// CLK-01/02/03: the legal measure's clock, on the ladder.
    mutating func checkMeasureClock(_ person: Person, _ next: inout NextChange) {
        let current = person.measure.clockRule
        for rule in Self.measureClockRules {
            guard rule == current, let limit = person.limit,
                let level = Self.ladder(start: person.measureStart, limit: limit, now: now, parameters, &next)
            else {
                clear(.measureClock(rule))
                continue
            }
            let end = person.measureStart + limit
            reconcile(.measureClock(rule), level, repeats: true, &next) { engine, level in
                let start = person.measureStart, measure = person.measure
                return Finding(
                    level: level,
                    message: level == .alarm
                        ? "\(person.id): \(measure.rawValue) limit of \(limit) reached; release or hand over now"
                        : "\(person.id): \(measure.rawValue) limit of \(limit) ends in \((end - engine.now).wholeMinutes) min",
                    facts: [
                        Fact("measure", measure.rawValue), Fact("start", "\(start.milliseconds)"),
                        Fact("limit_ms", "\(limit.milliseconds)"), Fact("end", "\(end.milliseconds)"),
                    ])
            }
        }
    }

    /// CLK-04: 4 h for a vulnerable person, and an alarm the moment they are in a holding room.
    mutating func checkVulnerable(_ person: Person, _ place: ZoneInfo?, _ next: inout NextChange) {
        let vulnerable = person.isVulnerable(parameters)
        let limit = parameters.vulnerableLimit
        if vulnerable, let level = Self.ladder(start: person.clockStart, limit: limit, now: now, parameters, &next) {
            reconcile(.clk04Limit, level, repeats: true, &next) { engine, level in
                let start = person.clockStart
                return Finding(
                    level: level, message: "\(person.id) is vulnerable: \(limit) limit, ends at \((start + limit).milliseconds)",
                    facts: [Fact("start", "\(start.milliseconds)"), Fact("limit_ms", "\(limit.milliseconds)")])
            }
        } else {
            clear(.clk04Limit)
        }
        let inHolding = vulnerable && place?.kind == .holding
        reconcile(.clk04Holding, inHolding ? .alarm : nil, &next) { engine, level in
            let zone = person.zone
            return Finding(
                level: level, message: "vulnerable person \(person.id) is in holding room \(zone?.rawValue ?? "")",
                facts: [Fact("zone", zone?.rawValue ?? "")])
        }
    }

    /// CLK-05: transfer, first interrogation and family notice, each within 24 h of the decision.
    mutating func checkDetentionDuties(_ person: Person, _ next: inout NextChange) {
        guard let decided = person.detentionDecidedAt else { return }
        let active = person.measure.clockRule == .clk05
        for duty in DetentionDuty.allCases {
            guard active, !person.dutiesDone.contains(duty) else {
                clear(.duty(duty))
                continue
            }
            let warnAt = decided + parameters.detentionDutyWarning
            let alarmAt = decided + parameters.detentionDutyLimit
            next.consider(warnAt)
            next.consider(alarmAt)
            let level: AlertLevel? = now >= alarmAt ? .alarm : (now >= warnAt ? .warn : nil)
            reconcile(.duty(duty), level, repeats: true, &next) { engine, level in
                Finding(
                    level: level, message: "\(person.id): \(duty.rawValue) due by \(alarmAt.milliseconds) after the detention decision",
                    facts: [Fact("decided", "\(decided.milliseconds)"), Fact("due", "\(alarmAt.milliseconds)")])
            }
        }
    }

    /// The absolute-clock limit: 24 h, or 48 h under a valid 48 h continued-questioning extension.
    func absoluteLimit(of person: Person) -> TimeSpan {
        if person.measure == .continuedQuestioning, let limit = person.limit, limit >= parameters.absoluteExtendedLimit {
            return parameters.absoluteExtendedLimit
        }
        return parameters.absoluteLimit
    }

    /// CLK-06: time in the area since the clock start; never resets.
    mutating func checkAbsoluteClock(_ person: Person, _ next: inout NextChange) {
        let limit = absoluteLimit(of: person)
        let alarmAt = person.clockStart + limit
        let warnAt = alarmAt - (parameters.absoluteLimit - parameters.absoluteWarning)
        next.consider(warnAt)
        next.consider(alarmAt)
        let level: AlertLevel? = now >= alarmAt ? .alarm : (now >= warnAt ? .warn : nil)
        reconcile(.clk06Absolute, level, repeats: true, &next) { engine, level in
            let start = person.clockStart
            return Finding(
                level: level, message: "\(person.id) has been in the area \((engine.now - start).wholeMinutes) min; absolute limit \(limit)",
                facts: [Fact("start", "\(start.milliseconds)"), Fact("limit_ms", "\(limit.milliseconds)")])
        }
    }

    /// CLK-07: the same ID back within 12 h of leaving, until an approver logs a reason.
    mutating func checkChainedSummons(_ person: Person, _ next: inout NextChange) {
        guard let previous = person.previousExit else { return }
        let unexplained = !person.reasonsLogged.contains(.clk07)
        reconcile(.clk07Chained, unexplained ? .alarm : nil, &next) { engine, level in
            let last4 = person.registration.idLast4, start = person.clockStart
            return Finding(
                level: level, message: "\(person.id) (ID …\(last4 ?? "")) left the area \((start - previous).wholeMinutes) min before this arrival; chained summons needs an approver's reason",
                facts: [Fact("previous_exit", "\(previous.milliseconds)"), Fact("arrival", "\(start.milliseconds)")])
        }
    }
}
