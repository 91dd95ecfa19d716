import CustodyCore

/// A small station: entrance → safety check → info collection → corridor → holding rooms,
/// interview room, locker, exit; a duty post watches both holding rooms.
enum Fixtures {
    static let layout = StationLayout(
        zones: [
            .init(id: "entrance", kind: .entrance),
            .init(id: "safety", kind: .safetyCheck),
            .init(id: "info", kind: .infoCollection),
            .init(id: "corridor", kind: .corridor),
            .init(id: "holding-1", kind: .holding, capacity: 2, area: 12, watchPost: "duty"),
            .init(id: "holding-2", kind: .holding, watchPost: "duty"),
            .init(id: "interview-1", kind: .interview),
            .init(id: "locker", kind: .locker),
            .init(id: "exit", kind: .exit),
            .init(id: "duty", kind: .dutyPost),
        ],
        doors: [
            .init(id: "d-entrance", between: "entrance", and: "corridor", lock: "lock-entrance"),
            .init(id: "d-holding-1", between: "corridor", and: "holding-1", lock: "lock-h1", positionSensor: "pos-h1"),
            .init(id: "d-interview-1", between: "corridor", and: "interview-1", lock: "lock-i1"),
            .init(id: "d-exit", between: "corridor", and: "exit", lock: "lock-exit"),
        ],
        readers: [
            .init(id: "reader-corridor", zone: "corridor"), .init(id: "reader-h1", zone: "holding-1"),
            .init(id: "reader-i1", zone: "interview-1"),
        ],
        recorders: [.init(id: "rec-i1", zone: "interview-1"), .init(id: "rec-info", zone: "info")],
        sensors: [.init(id: "env-h1", zone: "holding-1"), .init(id: "vit-h1", zone: "holding-1")],
        officers: [
            .init(id: "o1", name: "Wang Wei", sex: .male, tag: "t-o1"),
            .init(id: "o2", name: "Li Na", sex: .female, tag: "t-o2"),
            .init(id: "o3", name: "Zhang Min", sex: .male, tag: "t-o3"),
        ])

    /// 2026-11-25 10:00 Beijing time (02:00 UTC).
    static let start = Timestamp(milliseconds: 1_795_564_800_000 + 2 * 3_600_000)

    static func adult(
        _ id: PersonID, sex: Sex = .male, caseID: CaseID? = "case-1", measure: LegalMeasure = .criminalSummons,
        idHash: String? = nil
    ) -> Registration {
        Registration(
            person: id, role: .suspect, sex: sex, birthDate: CalendarDate(year: 1990, month: 5, day: 1), caseID: caseID,
            measure: measure, idHash: idHash, idLast4: idHash.map { String($0.suffix(4)) })
    }

    static let fullChecklist = ReleaseChecklist(
        belongingsReturned: true, exitHealthNote: "well", familyNotified: true, destination: "home",
        pickupOrEscort: "mother")
}
