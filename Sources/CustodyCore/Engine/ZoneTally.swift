/// Running counts of who is in one zone, kept up to date on every move so that zone rules
/// (separation, capacity, rounds) cost the same whether the zone holds one person or a thousand.
struct ZoneTally: Sendable, Hashable {
    var count = 0
    var male = 0
    var female = 0
    var minors = 0
    var highRisk = 0
    /// Girls: the people for whom PROT-01 asks for a female officer in an interview room.
    var femaleMinors = 0
    /// Suspects present per case.
    var suspectsByCase: [CaseID: Int] = [:]
    /// Cases with two or more suspects present.
    var crowdedCases = 0

    mutating func add(_ person: Person, _ parameters: RuleParameters) {
        update(person, parameters, by: 1)
    }

    mutating func remove(_ person: Person, _ parameters: RuleParameters) {
        update(person, parameters, by: -1)
    }

    private mutating func update(_ person: Person, _ parameters: RuleParameters, by step: Int) {
        count += step
        if person.sex == .male { male += step } else { female += step }
        if person.isMinor(parameters) {
            minors += step
            if person.sex == .female { femaleMinors += step }
        }
        if person.isHighRisk(parameters) { highRisk += step }
        guard person.role == .suspect, let caseID = person.caseID else { return }
        let before = suspectsByCase[caseID] ?? 0
        let after = before + step
        suspectsByCase[caseID] = after > 0 ? after : nil
        if before < 2 && after >= 2 { crowdedCases += 1 }
        if before >= 2 && after < 2 { crowdedCases -= 1 }
    }
}
