/// Validation of commands against the current state. Nothing here changes the state, so a
/// rejected command leaves the engine exactly as it was.
extension CustodyEngine {
    func validate(_ command: Command) -> Rejection? {
        guard index.officerSex[command.officer] != nil else {
            return Rejection(.unknownOfficer, "officer \(command.officer) is not in the station's roster")
        }
        let action = command.action
        if case .register(let registration) = action {
            return people[registration.person] == nil
                ? nil : Rejection(.duplicatePerson, "person \(registration.person) is already registered")
        }
        if case .roundLogged(let zone) = action {
            return index.kind(of: zone) == .holding ? nil : Rejection(.unknownZone, "\(zone) is not a holding room")
        }
        if case .acknowledgeAlert(let key) = action {
            return alerts[key] == nil ? Rejection(.noSuchAlert, "no open alert \(key)") : nil
        }
        guard let id = action.person, let person = people[id]?.person else {
            return Rejection(.unknownPerson, "no registered person \(action.person?.rawValue ?? "")")
        }
        guard !person.isReleased else {
            return Rejection(.personReleased, "\(id) was released; the record is sealed")
        }
        return validate(action, for: person)
    }

    private func validate(_ action: CommandAction, for person: Person) -> Rejection? {
        switch action {
        case .assignWristband(_, let tag):
            if index.officerByTag[tag] != nil { return Rejection(.tagInUse, "tag \(tag) is an officer's tag") }
            if let holder = wristbands[tag]?.person, holder != person.id {
                return Rejection(.tagInUse, "tag \(tag) is worn by \(holder)")
            }
        case .returnWristband:
            if person.tag == nil { return Rejection(.noWristband, "\(person.id) wears no wristband") }
        case .approveExtension(let request):
            return validateExtension(request, for: person)
        case .changeMeasure(_, let measure, let reason):
            if reason.isEmpty { return Rejection(.reasonRequired, "a change of legal measure needs a reason") }
            if measure == person.measure { return Rejection(.notApplicable, "\(person.id) is already under \(measure.rawValue)") }
        case .transferCase(_, _, let reason), .approveOutOfArea(_, let reason):
            if reason.isEmpty { return Rejection(.reasonRequired, "a reason is required") }
        case .welfare(_, let kind, _):
            if kind == .restStart && person.restSince != nil { return Rejection(.notApplicable, "\(person.id) is already resting") }
            if kind == .restEnd && person.restSince == nil { return Rejection(.notApplicable, "\(person.id) is not resting") }
        case .logReason(_, let rule, let reason):
            if reason.isEmpty { return Rejection(.reasonRequired, "a reason is required") }
            if ![.clk07, .wel02, .prot01].contains(rule) {
                return Rejection(.notApplicable, "\(rule.rawValue) admits no exception by reason")
            }
        case .moveClockStart(_, let time, let reason):
            if reason.isEmpty { return Rejection(.reasonRequired, "moving a clock start needs a reason") }
            if time > person.clockStart {
                return Rejection(.clockStartLater, "a clock start may move earlier only, never later than \(person.clockStart.milliseconds)")
            }
        case .detentionDutyDone:
            if person.measure.clockRule != .clk05 {
                return Rejection(.notApplicable, "\(person.id) is not under a detention or arrest decision")
            }
        case .release(_, let checklist):
            return validateRelease(checklist, for: person)
        case .register, .roundLogged, .acknowledgeAlert, .safetyCheckDone, .healthIntake, .belongingsListed,
            .guardianPresent:
            break
        }
        return nil
    }

    /// CLK-01…03: an extension is approved before expiry, one legal step at a time.
    private func validateExtension(_ request: Extension, for person: Person) -> Rejection? {
        if request.reason.isEmpty { return Rejection(.reasonRequired, "an extension needs a reason") }
        guard let limit = person.limit, let rule = person.measure.clockRule, rule != .clk05 else {
            return Rejection(.extensionNotAllowed, "\(person.measure.rawValue) has no extendable clock")
        }
        if now >= person.measureStart + limit {
            return Rejection(.clockExpired, "the \(limit) clock of \(person.id) already expired; an extension must come before expiry")
        }
        let allowed: [TimeSpan]
        switch rule {
        case .clk01:
            allowed = limit < parameters.summonsExtendedLimit ? [parameters.summonsExtendedLimit] : []
        case .clk02:
            var steps = [parameters.questioningDetentionLimit]
            if parameters.questioningComplexTierEnabled { steps.append(parameters.questioningComplexLimit) }
            allowed = steps.filter { $0 > limit }
        default:
            let ladder = parameters.continuedQuestioningLimits
            let position = ladder.firstIndex(of: limit) ?? ladder.count
            allowed = position + 1 < ladder.count ? [ladder[position + 1]] : []
            if request.limit == ladder.last, allowed.contains(request.limit), !request.identityRefused {
                return Rejection(.extensionNotAllowed, "\(request.limit) is allowed only when the person refuses to give their identity")
            }
        }
        guard allowed.contains(request.limit) else {
            let options = allowed.map(\.description).joined(separator: " or ")
            return Rejection(
                .extensionNotAllowed,
                "\(rule.rawValue) cannot go from \(limit) to \(request.limit)" + (options.isEmpty ? "; no further step" : "; next step: \(options)"))
        }
        return nil
    }

    /// EXIT-01: every checklist item, and a pickup or escort for a vulnerable person at night.
    private func validateRelease(_ checklist: ReleaseChecklist, for person: Person) -> Rejection? {
        var missing: [String] = []
        if !checklist.belongingsReturned { missing.append("belongings returned or transferred") }
        if checklist.exitHealthNote.isEmpty { missing.append("exit health note") }
        if !checklist.familyNotified { missing.append("family notified") }
        if checklist.destination.isEmpty { missing.append("destination") }
        let night = parameters.station.isWithin(parameters.nightReleaseWindow, at: now)
        if night && (person.isVulnerable(parameters) || person.isMinor(parameters)) && (checklist.pickupOrEscort ?? "").isEmpty {
            missing.append("pickup or escort (vulnerable person released at night)")
        }
        return missing.isEmpty ? nil : Rejection(.checklistIncomplete, "release checklist incomplete: \(missing.joined(separator: ", "))")
    }
}
