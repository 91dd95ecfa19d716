/// Handling of validated commands.
extension CustodyEngine {
    mutating func handle(_ command: Command) {
        switch command.action {
        case .register(let registration):
            register(registration)
        case .acknowledgeAlert(let key):
            guard var alert = alerts[key] else { return }
            alert.acknowledgedBy = command.officer
            alerts[key] = alert
            effects.append(.acknowledgeAlert(alert))
        case .roundLogged(let zone):
            changeZone(zone) { [now] in $0.lastRound = now }
            touch(.zone(zone))
        case .release(let id, _):
            release(id)
        default:
            guard let id = command.action.person, let slot = people.index(forKey: id) else { return }
            update(personAt: slot, command.action)
            touch(.person(id), Self.families(changedBy: command.action))
        }
    }

    private mutating func register(_ registration: Registration) {
        let start = min(registration.arrival ?? now, now)
        let age = registration.birthDate.age(on: parameters.station.date(at: start))
        var person = Person(registration: registration, age: age, clockStart: start)
        person.limit = baseLimit(of: registration.measure)
        if registration.measure.clockRule == .clk05 { person.detentionDecidedAt = now }
        if let hash = registration.idHash, let exit = lastExitByIDHash[hash], start - exit < parameters.chainedSummonsGap {
            person.previousExit = exit
        }
        people[registration.person] = PersonEntry(person: person)
        touch(.person(registration.person))
    }

    /// The initial limit of a measure's clock, before extensions.
    func baseLimit(of measure: LegalMeasure) -> TimeSpan? {
        switch measure.clockRule {
        case .clk01: parameters.summonsLimit
        case .clk02: parameters.questioningLimit
        case .clk03: parameters.continuedQuestioningLimits.first
        default: nil
        }
    }

    /// Applies `action` to the person at `slot` of `people`, in place: a copy changed and written back
    /// would copy the person's shared fields on its first change.
    private mutating func update(personAt slot: [PersonID: PersonEntry].Index, _ action: CommandAction) {
        switch action {
        case .assignWristband(let id, let tag):
            if let old = person(at: slot).tag, old != tag { unbind(old) }
            people.values[slot].person.tag = tag
            wristbands[tag] = Wristband(person: id, zone: person(at: slot).zone)
            if tags.updateValue(TagState(), forKey: tag)?.lost == true { lostTagCount -= 1 }
            people.values[slot].person.clockStart = min(person(at: slot).clockStart, now)
            touch(.tag(tag))
        case .returnWristband(let id):
            if let tag = person(at: slot).tag { unbind(tag) }
            people.values[slot].person.tag = nil
            move(person: id, at: slot, to: nil)
        case .transferCase(_, let caseID, _):
            if let zone = person(at: slot).zone {
                do {
                    // A copy held past this block would make the next change copy the person.
                    let before = person(at: slot)
                    changeZone(zone) { [parameters] in $0.tally.remove(before, parameters) }
                }
                people.values[slot].person.caseID = caseID
                let after = person(at: slot)
                changeZone(zone) { [parameters] in $0.tally.add(after, parameters) }
                touch(.zone(zone))
            } else {
                people.values[slot].person.caseID = caseID
            }
        default:
            var limit: TimeSpan?
            if case .changeMeasure(_, let measure, _) = action { limit = baseLimit(of: measure) }
            people.values[slot].person.record(action, at: now, baseLimit: limit)
        }
    }

    private mutating func unbind(_ tag: TagID) {
        wristbands.removeValue(forKey: tag)
        if tags.removeValue(forKey: tag)?.lost == true { lostTagCount -= 1 }
        touch(.tag(tag))
    }

    /// EXIT-01: closes the clocks, clears every alert about the person and seals the record.
    private mutating func release(_ id: PersonID) {
        guard let slot = people.index(forKey: id) else { return }
        move(person: id, at: slot, to: nil)
        if let tag = person(at: slot).tag { unbind(tag) }
        people.values[slot].person.releasedAt = now
        clearEverything(about: id)
        if let hash = person(at: slot).registration.idHash { lastExitByIDHash[hash] = now }
    }
}

extension Person {
    /// Records a command that changes only the person's own record; `baseLimit` is the new measure's
    /// initial limit when `action` changes the measure.
    fileprivate mutating func record(_ action: CommandAction, at now: Timestamp, baseLimit: TimeSpan?) {
        switch action {
        case .safetyCheckDone:
            safetyChecked = true
        case .healthIntake(_, let injury, _):
            healthChecked = true
            if injury { injuryNoted = true }
        case .belongingsListed:
            belongingsListed = true
        case .approveExtension(let request):
            limit = request.limit
        case .changeMeasure(_, let newMeasure, _):
            measure = newMeasure
            measureSince = now
            limit = baseLimit
            if newMeasure.clockRule == .clk05 {
                detentionDecidedAt = now
                dutiesDone = []
            }
        case .welfare(_, let kind, _):
            switch kind {
            case .water: lastWater = now
            case .meal: lastMeal = now
            case .restStart: restSince = now
            case .restEnd:
                if let since = restSince { longestRest = max(longestRest, now - since) }
                restSince = nil
            case .bedding: beddingLogged = true
            }
        case .guardianPresent(_, let present):
            guardianPresent = present
        case .approveOutOfArea:
            outOfAreaApproved = true
        case .logReason(_, let rule, _):
            reasonsLogged.insert(rule)
        case .moveClockStart(_, let time, _):
            clockStart = time
        case .detentionDutyDone(_, let duty):
            dutiesDone.insert(duty)
        case .register, .roundLogged, .acknowledgeAlert, .release, .assignWristband, .returnWristband, .transferCase:
            break
        }
    }
}
