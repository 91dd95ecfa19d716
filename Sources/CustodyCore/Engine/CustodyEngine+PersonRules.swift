/// Evaluation of everything about one person: clocks, welfare, escort, protection, area boundary, intake.
extension CustodyEngine {
    /// Evaluates the person at `slot` of `people`, whose target state is in `scope`.
    mutating func evaluatePerson(at slot: [PersonID: PersonEntry].Index, _ families: RuleFamilies, _ next: inout NextChange) {
        let person = person(at: slot)
        guard !person.isReleased else {
            scope.families = nil
            return
        }
        let known = scope.families
        let run = known == nil ? RuleFamilies.all : families
        var found = known ?? FamilyDeadlines()
        // The order of the checks is the order of their effects; the groups' checks interleave.
        var officers = NextChange(after: now)
        var presence = NextChange(after: now)
        var clocks = NextChange(after: now)
        let officersRun = run.contains(.officers)
        let presenceRuns = run.contains(.presence)
        let clocksRun = run.contains(.clocks)
        // Where the person is, looked up once for every rule that asks.
        let place = officersRun || presenceRuns ? person.zone.flatMap { index.zoneInfo[$0] } : nil
        if clocksRun { checkMeasureClock(person, &clocks) }
        if presenceRuns { checkVulnerable(person, place, &presence) }
        if clocksRun {
            checkDetentionDuties(person, &clocks)
            checkAbsoluteClock(person, &clocks)
            checkChainedSummons(person, &clocks)
            checkWaterAndMeals(person, &clocks)
            found[2] = clocks.time
        }
        if presenceRuns {
            checkQuestioningAndRest(person, place, &presence)
            checkBedding(person, &presence)
        }
        if officersRun {
            checkEscort(person, place, &officers)
            checkProtection(person, place, &officers)
            found[0] = officers.time
        }
        if presenceRuns {
            checkAreaBoundary(person, place, &presence)
            checkIntake(person, place, &presence)
            found[1] = presence.time
        }
        next.consider(found[0])
        next.consider(found[1])
        next.consider(found[2])
        scope.families = found
    }

    /// A warning at `due`, critical `welfareEscalation` later. Static, given `now` and the parameters:
    /// a rule's call of an engine method that does not change the engine copied the whole engine.
    private static func welfareLevel(
        due: Timestamp, now: Timestamp, _ parameters: borrowing RuleParameters, _ next: inout NextChange
    ) -> AlertLevel? {
        let critical = due + parameters.welfareEscalation
        next.consider(due)
        next.consider(critical)
        return now >= critical ? .critical : (now >= due ? .warn : nil)
    }

    /// WEL-01: water every 2 h; a meal in each window or after 5 h.
    mutating func checkWaterAndMeals(_ person: Person, _ next: inout NextChange) {
        let waterDue = (person.lastWater ?? person.clockStart) + parameters.waterInterval
        reconcile(.wel01Water, Self.welfareLevel(due: waterDue, now: now, parameters, &next), &next) { engine, level in
            let due = String(waterDue.milliseconds)
            return Finding(level: level, message: "offer \(person.id.rawValue) water (due at \(due))", facts: [Fact("due", due)])
        }
        let mealDue = parameters.mealDue(after: person.lastMeal ?? person.clockStart)
        reconcile(.wel01Meal, Self.welfareLevel(due: mealDue, now: now, parameters, &next), &next) { engine, level in
            let due = String(mealDue.milliseconds)
            return Finding(level: level, message: "offer \(person.id.rawValue) a meal (due at \(due))", facts: [Fact("due", due)])
        }
    }

    /// WEL-02: at most 2 h of continuous questioning, none at night without a reason, and room for
    /// the long rest before a clock over 12 h ends.
    mutating func checkQuestioningAndRest(_ person: Person, _ place: ZoneInfo?, _ next: inout NextChange) {
        let questioning = place?.kind == .interview
        var continuous: AlertLevel?
        if questioning, let since = person.questioningSince {
            continuous = Self.welfareLevel(due: since + parameters.questioningContinuousLimit, now: now, parameters, &next)
        }
        reconcile(.wel02ContinuousQuestioning, continuous, &next) { engine, level in
            Finding(
                level: level, message: "\(person.id) questioned for over \(engine.parameters.questioningContinuousLimit); give a \(engine.parameters.questioningBreak) break",
                facts: [Fact("since", "\(person.questioningSince?.milliseconds ?? 0)")])
        }

        let window = parameters.noQuestioningWindow
        var night = false
        if questioning && !person.reasonsLogged.contains(.wel02) {
            night = parameters.station.isWithin(window, at: now)
            next.consider(parameters.station.next(minuteOfDay: window.startMinute, after: now))
            next.consider(parameters.station.next(minuteOfDay: window.endMinute, after: now))
        }
        reconcile(.wel02NightQuestioning, night ? .alarm : nil, &next) { engine, level in
            Finding(
                level: level, message: "\(person.id) is being questioned at night without a logged reason",
                facts: [Fact("zone", person.zone?.rawValue ?? "")])
        }

        var restLevel: AlertLevel?
        if let limit = person.limit, limit > parameters.longHoldThreshold, person.restSince == nil,
            person.longestRest < parameters.restMinimum
        {
            let end = person.measureStart + limit
            let warnAt = end - parameters.restRequired
            let alarmAt = end - parameters.restMinimum
            next.consider(warnAt)
            next.consider(alarmAt)
            restLevel = now >= alarmAt ? .alarm : (now >= warnAt ? .warn : nil)
        }
        reconcile(.wel02Rest, restLevel, &next) { engine, level in
            Finding(
                level: level, message: "\(person.id): the \(engine.parameters.restRequired) rest no longer fits before the clock ends",
                facts: [Fact("longest_rest_ms", "\(person.longestRest.milliseconds)")])
        }
    }

    /// WEL-03: bedding once a person has been in a holding room for 12 h.
    mutating func checkBedding(_ person: Person, _ next: inout NextChange) {
        var level: AlertLevel?
        if !person.beddingLogged, let entry = person.firstHoldingEntry {
            level = Self.welfareLevel(due: entry + parameters.beddingAfter, now: now, parameters, &next)
        }
        reconcile(.wel03Bedding, level, &next) { engine, level in
            Finding(
                level: level, message: "log bedding for \(person.id)",
                facts: [Fact("holding_since", "\(person.firstHoldingEntry?.milliseconds ?? 0)")])
        }
    }

    /// The groups of a person's rules that `action`, a command about them, can change: water and
    /// meals only the timers of WEL-01 (the clocks group); anything else, every group.
    static func families(changedBy action: CommandAction) -> RuleFamilies {
        if case .welfare(_, let kind, _) = action, kind == .water || kind == .meal { return .clocks }
        return .all
    }

    /// Whether the officers in a zone of `kind`, whose people are counted in `tally`, count for any of
    /// its people's rules (the `officers` group). ESC-01 asks for an escort outside holding and
    /// interview rooms; PROT-01 asks for a female officer where a woman is searched (outside those
    /// rooms too) and where a girl is questioned. So in a holding room they count for nobody, and in
    /// an interview room only while a girl is in it: an officer's move in or out of such a room
    /// re-evaluates the room, not each of its occupants.
    static func officersCount(in kind: ZoneKind?, _ tally: borrowing ZoneTally) -> Bool {
        switch kind {
        case .holding: false
        case .interview: tally.femaleMinors > 0
        default: true
        }
    }

    /// Whether the recorders of a zone of `kind` count for the rules of the people in it: only where
    /// ESC-01 accepts one officer while the recording runs.
    static func recordersCount(in kind: ZoneKind?) -> Bool { kind == .entrance || kind == .infoCollection || kind == .safetyCheck }

    /// ESC-01: outside holding and interview rooms a person needs two officers in the same zone;
    /// one is enough in entrance, safety-check and information-collection rooms while recording runs.
    mutating func checkEscort(_ person: Person, _ place: ZoneInfo?, _ next: inout NextChange) {
        guard let zone = person.zone, let place, let kind = place.kind, kind != .holding, kind != .interview else {
            _ = graced(.esc01Escort, active: false, grace: .zero, &next)
            clear(.esc01Escort)
            return
        }
        let officers = officerCount(in: zone)
        let relaxed = Self.recordersCount(in: kind) && isRecording(place)
        let required = relaxed ? 1 : parameters.officersRequired
        let short = graced(.esc01Escort, active: officers < required, grace: parameters.escortGrace, &next)
        let degraded = isReaderOffline(in: place)
        reconcile(.esc01Escort, short ? .alarm : nil, &next) { engine, level in
            Finding(
                level: level, message: "\(person.id) in \(zone) with \(officers) officer(s), \(required) required" + (degraded ? " (a reader is offline: escort checks degraded)" : ""),
                facts: [Fact("zone", zone.rawValue), Fact("officers", "\(officers)"), Fact("degraded", "\(degraded)")])
        }
    }

    /// PROT-01: a minor's questioning needs a guardian (or a reason); searching a woman or
    /// questioning a girl needs a female officer present.
    mutating func checkProtection(_ person: Person, _ place: ZoneInfo?, _ next: inout NextChange) {
        let kind = place?.kind
        let guardianMissing = kind == .interview && person.isMinor(parameters) && !person.guardianPresent
            && !person.reasonsLogged.contains(.prot01)
        let noGuardian = graced(.prot01Guardian, active: guardianMissing, grace: parameters.supervisionGrace, &next)
        reconcile(.prot01Guardian, noGuardian ? .alarm : nil, &next) { engine, level in
            Finding(
                level: level, message: "minor \(person.id) questioned without a guardian or a logged reason",
                facts: [Fact("zone", person.zone?.rawValue ?? "")])
        }

        let needsFemale = person.sex == .female
            && (kind == .safetyCheck || (kind == .interview && person.isMinor(parameters)))
        let femaleMissing = needsFemale && !hasFemaleOfficer(in: person.zone)
        let noFemale = graced(.prot01FemaleOfficer, active: femaleMissing, grace: parameters.supervisionGrace, &next)
        reconcile(.prot01FemaleOfficer, noFemale ? .alarm : nil, &next) { engine, level in
            Finding(
                level: level, message: "\(person.id) needs a female officer present in \(person.zone?.rawValue ?? "")",
                facts: [Fact("zone", person.zone?.rawValue ?? "")])
        }
    }

    /// ZONE-01: a wristband at the area boundary without release or an approved trip (never during fire).
    mutating func checkAreaBoundary(_ person: Person, _ place: ZoneInfo?, _ next: inout NextChange) {
        let outside = place?.kind == .exit && !person.outOfAreaApproved && !isFireActive
        reconcile(.zone01LeftArea, outside ? .alarm : nil, &next) { engine, level in
            Finding(
                level: level, message: "\(person.id) is leaving the area without release or approval",
                facts: [Fact("zone", person.zone?.rawValue ?? "")])
        }
    }

    /// FLOW-01: no holding or interview room before safety check, health intake and belongings list;
    /// an injury noted at intake is reported.
    mutating func checkIntake(_ person: Person, _ place: ZoneInfo?, _ next: inout NextChange) {
        let early = place?.kind?.requiresIntake == true && !person.intakeComplete
        reconcile(.flow01IntakeIncomplete, early ? .alarm : nil, &next) { engine, level in
            Finding(
                level: level, message: "\(person.id) entered \(person.zone?.rawValue ?? "") before intake was complete",
                facts: [
                    Fact("safety_check", "\(person.safetyChecked)"), Fact("health_intake", "\(person.healthChecked)"),
                    Fact("belongings", "\(person.belongingsListed)"),
                ])
        }
        reconcile(.flow01InjuryReport, person.injuryNoted ? .warn : nil, &next) { engine, level in
            Finding(
                level: level, message: "injury noted at \(person.id)'s health intake: file the report",
                facts: [])
        }
    }
}

extension RuleParameters {
    /// When the next meal must have been offered after the last one (or the clock start) at `base`:
    /// after 5 h without one, or at the end of the first meal window that began after `base`.
    func mealDue(after base: Timestamp) -> Timestamp {
        var due = base + mealInterval
        for window in mealWindows {
            let start = station.minuteOfDay(at: base) == window.startMinute
                ? base : station.next(minuteOfDay: window.startMinute, after: base)
            let end = start + .minutes((window.endMinute - window.startMinute + 1_440) % 1_440)
            if end < due { due = end }
        }
        return due
    }
}
