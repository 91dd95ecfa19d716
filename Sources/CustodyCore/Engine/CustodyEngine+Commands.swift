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
            lastRound[zone] = now
            touch(.zone(zone))
        case .release(let id, _):
            release(id)
        default:
            guard let id = command.action.person, var person = people[id] else { return }
            update(&person, command.action)
            people[id] = person
            touch(.person(id))
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
        people[registration.person] = person
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

    private mutating func update(_ person: inout Person, _ action: CommandAction) {
        switch action {
        case .assignWristband(_, let tag):
            if let old = person.tag, old != tag { unbind(old) }
            person.tag = tag
            personByTag[tag] = person.id
            tags[tag] = TagState()
            person.clockStart = min(person.clockStart, now)
            touch(.tag(tag))
        case .returnWristband:
            if let tag = person.tag { unbind(tag) }
            person.tag = nil
            people[person.id] = person
            move(person: person.id, to: nil)
            person = people[person.id] ?? person
        case .safetyCheckDone:
            person.safetyChecked = true
        case .healthIntake(_, let injury, _):
            person.healthChecked = true
            person.injuryNoted = person.injuryNoted || injury
        case .belongingsListed:
            person.belongingsListed = true
        case .approveExtension(let request):
            person.limit = request.limit
        case .changeMeasure(_, let measure, _):
            person.measure = measure
            person.measureSince = now
            person.limit = baseLimit(of: measure)
            if measure.clockRule == .clk05 {
                person.detentionDecidedAt = now
                person.dutiesDone = []
            }
        case .transferCase(_, let caseID, _):
            if let zone = person.zone { zoneTally[zone]?.remove(person, parameters) }
            person.caseID = caseID
            if let zone = person.zone {
                zoneTally[zone]?.add(person, parameters)
                touch(.zone(zone))
            }
        case .welfare(_, let kind, _):
            switch kind {
            case .water: person.lastWater = now
            case .meal: person.lastMeal = now
            case .restStart: person.restSince = now
            case .restEnd:
                if let since = person.restSince { person.longestRest = max(person.longestRest, now - since) }
                person.restSince = nil
            case .bedding: person.beddingLogged = true
            }
        case .guardianPresent(_, let present):
            person.guardianPresent = present
        case .approveOutOfArea:
            person.outOfAreaApproved = true
        case .logReason(_, let rule, _):
            person.reasonsLogged.insert(rule)
        case .moveClockStart(_, let time, _):
            person.clockStart = time
        case .detentionDutyDone(_, let duty):
            person.dutiesDone.insert(duty)
        case .register, .roundLogged, .acknowledgeAlert, .release:
            break
        }
    }

    private mutating func unbind(_ tag: TagID) {
        personByTag.removeValue(forKey: tag)
        tags.removeValue(forKey: tag)
        touch(.tag(tag))
    }

    /// EXIT-01: closes the clocks, clears every alert about the person and seals the record.
    private mutating func release(_ id: PersonID) {
        guard var person = people[id] else { return }
        move(person: id, to: nil)
        person = people[id] ?? person
        if let tag = person.tag { unbind(tag) }
        person.releasedAt = now
        people[id] = person
        clearEverything(about: id)
        if let hash = person.registration.idHash { lastExitByIDHash[hash] = now }
    }
}
