/// What a rule found about its subject right now: built only when an alert is raised, escalated or
/// repeated, since most evaluations of an open alert change nothing.
struct Finding {
    var level: AlertLevel
    var message: String
    var facts: [Fact]
}

extension CustodyEngine {
    /// Brings the alert of code `code` of the target being evaluated (and, for a zone's sensor rules,
    /// `device`) in line with the rule's finding at `level` (`nil`: nothing found): raise, escalate,
    /// repeat or clear. Levels only rise while an alert is open; it clears when the finding goes away.
    /// An alarm that `repeats` (the clock rules) is announced again every `alarmRepeat` while open.
    ///
    /// The key is built only when the target's masks say an alert of this code is open or when one is
    /// raised, and `finding` (the message and facts, given the engine to read) only when an alert is
    /// raised, escalated or repeated.
    ///
    /// `finding` is required: a rule that can raise must say what it found. A rule whose alert can
    /// only go away here calls `clear(_:device:)`.
    @inline(__always)
    mutating func reconcile(
        _ code: AlertCode, device: DeviceID? = nil, _ level: AlertLevel?, repeats: Bool = false,
        _ next: inout NextChange, _ finding: (CustodyEngine, AlertLevel) -> Finding
    ) {
        let present = scope.alerts & code.bit != 0
        guard let level else {
            if present { removeAlert(key(code, device: device), code) }
            return
        }
        if present {
            // Levels only rise, and only an alarm that repeats has more to do: an open alert found at
            // its own level or below changes nothing.
            if !code.isPerDevice {
                let current = scope.level(of: code)
                if level <= current && !(repeats && current == .alarm) { return }
            }
            updateAlert(code, device: device, level, repeats: repeats, &next, finding)
        } else {
            raiseAlert(key(code, device: device), code, finding(self, level), repeats: repeats, &next)
        }
    }

    /// Opens a new alert.
    private mutating func raiseAlert(
        _ key: AlertKey, _ code: AlertCode, _ found: Finding, repeats: Bool, _ next: inout NextChange
    ) {
        let alert = Alert(
            key: key, level: found.level, message: found.message, facts: found.facts, raisedAt: now,
            notifiedAt: now)
        alerts[key] = alert
        scope.alerts |= code.bit
        if !code.isPerDevice { scope.setLevel(found.level, of: code) }
        effects.append(.raiseAlert(alert))
        if repeats && alert.level == .alarm { next.consider(now + parameters.alarmRepeat) }
    }

    /// Escalates or repeats an open alert of the target (or raises it, for a zone's sensor whose
    /// code is open only for another sensor of the zone).
    private mutating func updateAlert(
        _ code: AlertCode, device: DeviceID?, _ level: AlertLevel, repeats: Bool, _ next: inout NextChange,
        _ finding: (CustodyEngine, AlertLevel) -> Finding
    ) {
        let key = key(code, device: device)
        guard let slot = alerts.index(forKey: key) else {
            raiseAlert(key, code, finding(self, level), repeats: repeats, &next)
            return
        }
        let (current, notifiedAt) = Self.levelAndNotice(&alerts.values[slot])
        if level > current {
            let found = finding(self, level)
            alerts.values[slot].level = found.level
            alerts.values[slot].message = found.message
            alerts.values[slot].facts = found.facts
            alerts.values[slot].notifiedAt = now
            alerts.values[slot].acknowledgedBy = nil
            if !code.isPerDevice { scope.setLevel(found.level, of: code) }
            effects.append(.escalateAlert(alerts.values[slot]))
            if repeats && found.level == .alarm { next.consider(now + parameters.alarmRepeat) }
        } else if repeats && current == .alarm && now >= notifiedAt + parameters.alarmRepeat {
            let found = finding(self, level)
            alerts.values[slot].message = found.message
            alerts.values[slot].facts = found.facts
            alerts.values[slot].notifiedAt = now
            effects.append(.repeatAlert(alerts.values[slot]))
            next.consider(now + parameters.alarmRepeat)
        } else if repeats && current == .alarm {
            next.consider(notifiedAt + parameters.alarmRepeat)
        }
    }

    /// An open alert's level and last notice, read in place: reading them through the table's
    /// getter would copy the whole alert (its key, message and facts) for two fields.
    @inline(__always)
    private static func levelAndNotice(_ alert: inout Alert) -> (AlertLevel, Timestamp) {
        (alert.level, alert.notifiedAt)
    }

    /// Clears the alert of code `code` of the target being evaluated (for a zone's sensor rules,
    /// `device`'s), if one is open: the rule found nothing.
    @inline(__always)
    mutating func clear(_ code: AlertCode, device: DeviceID? = nil) {
        if scope.alerts & code.bit != 0 { removeAlert(key(code, device: device), code) }
    }

    /// The key of `code` about the target being evaluated: its person, zone (with the sensor, for
    /// the environment and vital-sign rules), door or tag; a device's key names its zone and door too.
    /// `mutating` only so that the rules' calls read the engine in place (see `isRecording`).
    private mutating func key(_ code: AlertCode, device: DeviceID?) -> AlertKey {
        switch scopeTarget {
        case .station: AlertKey(code.rule, code.conditionText)
        case .person(let id): AlertKey(code.rule, code.conditionText, person: id)
        case .zone(let id): AlertKey(code.rule, code.conditionText, zone: id, device: device)
        case .door(let id): AlertKey(code.rule, code.conditionText, door: id)
        case .tag(let id): AlertKey(code.rule, code.conditionText, tag: id)
        case .device(let id):
            AlertKey(code.rule, code.conditionText, zone: index.deviceZone[id], door: index.doorOfDevice[id], device: id)
        }
    }

    /// Removes an open alert of the target being evaluated and announces that it cleared.
    private mutating func removeAlert(_ key: AlertKey, _ code: AlertCode) {
        guard let alert = alerts.removeValue(forKey: key) else { return }
        if !code.isPerDevice || !otherSensorHolds(key, in: alerts) {
            scope.alerts &= ~code.bit
            scope.setLevel(nil, of: code)
        }
        effects.append(.clearAlert(alert))
    }

    /// Whether `table` holds the key of another sensor of the same zone with the same rule and
    /// condition as `key` (a zone's per-sensor codes share one bit).
    private mutating func otherSensorHolds<Value>(_ key: AlertKey, in table: [AlertKey: Value]) -> Bool {
        guard let zone = key.zone else { return false }
        var other = key
        for device in index.zoneInfo[zone]?.sensors ?? [] where device != key.device {
            other.device = device
            if table[other] != nil { return true }
        }
        return false
    }

    /// Tracks a condition that must hold for `grace` before it counts; returns whether it does now.
    mutating func graced(
        _ code: AlertCode, device: DeviceID? = nil, active: Bool, grace: TimeSpan, _ next: inout NextChange
    ) -> Bool {
        let present = scope.conditions & code.bit != 0
        guard active else {
            if present {
                let key = key(code, device: device)
                if conditionSince.removeValue(forKey: key) != nil,
                    !code.isPerDevice || !otherSensorHolds(key, in: conditionSince)
                {
                    scope.conditions &= ~code.bit
                }
            }
            return false
        }
        let key = key(code, device: device)
        let since: Timestamp
        if present, let known = conditionSince[key] {
            since = known
        } else {
            since = now
            conditionSince[key] = now
            scope.conditions |= code.bit
        }
        if now >= since + grace { return true }
        next.consider(since + grace)
        return false
    }

    /// Clears every open alert, pending condition and deadline of `person` (release seals the record).
    mutating func clearEverything(about person: PersonID) {
        guard let slot = people.index(forKey: person) else { return }
        let masks = people.values[slot].target
        deadlines.schedule(.person(person), at: nil, slot: masks.queueSlot)
        people.values[slot].target = TargetState(queueSlot: masks.queueSlot)
        let keys = AlertCode.allCases.filter { masks.alerts & $0.bit != 0 }
            .map { AlertKey($0.rule, $0.condition, person: person) }.sorted()
        for key in keys {
            if let alert = alerts.removeValue(forKey: key) { effects.append(.clearAlert(alert)) }
        }
        for code in AlertCode.allCases where masks.conditions & code.bit != 0 {
            conditionSince.removeValue(forKey: AlertKey(code.rule, code.conditionText, person: person))
        }
    }

    /// The alert level of a clock ladder at `now`, noting the next step. Warn at
    /// T − max(60 min, limit/8), warn2 at T − 30 min, critical at T − 15 min, alarm at T.
    /// Static, given `now` and the parameters: a rule's call of an engine method that does not change
    /// the engine copied the whole engine.
    static func ladder(
        start: Timestamp, limit: TimeSpan, now: Timestamp, _ parameters: borrowing RuleParameters,
        _ next: inout NextChange
    ) -> AlertLevel? {
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
