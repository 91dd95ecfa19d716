/// What a rule found about its subject right now.
struct Finding {
    var level: AlertLevel
    var message: String
    var facts: [Fact]
    /// Whether an unresolved alarm is announced again every `alarmRepeat` (the clock rules).
    var repeats = false
}

extension CustodyEngine {
    /// Brings the alert of `key` in line with `finding`: raise, escalate, repeat or clear.
    /// Levels only rise while an alert is open; it clears when the finding goes away.
    mutating func reconcile(_ key: AlertKey, _ finding: Finding?, _ next: inout NextChange) {
        guard let finding else {
            if alertKeys.mayContain(key) { removeAlert(key) }
            return
        }
        guard alertKeys.mayContain(key), var alert = alerts[key] else {
            let alert = Alert(
                key: key, level: finding.level, message: finding.message, facts: finding.facts, raisedAt: now,
                notifiedAt: now)
            alerts[key] = alert
            alertKeys.insert(key)
            effects.append(.raiseAlert(alert))
            if finding.repeats && alert.level == .alarm { next.consider(now + parameters.alarmRepeat) }
            return
        }
        if finding.level > alert.level {
            alert.level = finding.level
            alert.message = finding.message
            alert.facts = finding.facts
            alert.notifiedAt = now
            alert.acknowledgedBy = nil
            alerts[key] = alert
            effects.append(.escalateAlert(alert))
        } else if finding.repeats && alert.level == .alarm && now >= alert.notifiedAt + parameters.alarmRepeat {
            alert.message = finding.message
            alert.facts = finding.facts
            alert.notifiedAt = now
            alerts[key] = alert
            effects.append(.repeatAlert(alert))
        }
        if finding.repeats && alert.level == .alarm { next.consider(alert.notifiedAt + parameters.alarmRepeat) }
    }

    /// Removes an open alert and announces that it cleared.
    private mutating func removeAlert(_ key: AlertKey) {
        guard let alert = alerts.removeValue(forKey: key) else { return }
        alertKeys.remove(key)
        effects.append(.clearAlert(alert))
    }

    /// Tracks a condition that must hold for `grace` before it counts; returns whether it does now.
    mutating func graced(_ key: AlertKey, active: Bool, grace: TimeSpan, _ next: inout NextChange) -> Bool {
        guard active else {
            if conditionKeys.mayContain(key), conditionSince.removeValue(forKey: key) != nil { conditionKeys.remove(key) }
            return false
        }
        let since: Timestamp
        if conditionKeys.mayContain(key), let known = conditionSince[key] {
            since = known
        } else {
            since = now
            conditionSince[key] = now
            conditionKeys.insert(key)
        }
        if now >= since + grace { return true }
        next.consider(since + grace)
        return false
    }

    /// Clears every open alert and pending condition about `person` (release seals the record).
    mutating func clearEverything(about person: PersonID) {
        for key in alertKeys.keys(of: .person(person)) { removeAlert(key) }
        for key in conditionKeys.keys(of: .person(person)) {
            conditionSince.removeValue(forKey: key)
            conditionKeys.remove(key)
        }
    }

    /// The alert level of a clock ladder at `now`, noting the next step. Warn at
    /// T − max(60 min, limit/8), warn2 at T − 30 min, critical at T − 15 min, alarm at T.
    func ladder(start: Timestamp, limit: TimeSpan, _ next: inout NextChange) -> AlertLevel? {
        let end = start + limit
        let warnLead = max(parameters.warnLeadMinimum, limit / parameters.warnLeadDivisor)
        // The steps in order, without building an array on every evaluation.
        let warn = end - warnLead
        guard now >= warn else {
            next.consider(warn)
            return nil
        }
        let warn2 = end - parameters.warn2Lead
        guard now >= warn2 else {
            next.consider(warn2)
            return .warn
        }
        let critical = end - parameters.criticalLead
        guard now >= critical else {
            next.consider(critical)
            return .warn2
        }
        guard now >= end else {
            next.consider(end)
            return .critical
        }
        return .alarm
    }
}
