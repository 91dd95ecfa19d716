/// A subject whose rules are evaluated together and which owns one deadline: the earliest moment
/// any of its findings may change on its own.
enum EvaluationTarget: Sendable, Hashable, Comparable {
    case station
    case person(PersonID)
    case zone(ZoneID)
    case door(DoorID)
    case tag(TagID)
    case device(DeviceID)

    private var rank: Int {
        switch self {
        case .station: 0
        case .person: 1
        case .zone: 2
        case .door: 3
        case .tag: 4
        case .device: 5
        }
    }

    /// Station first, then people, zones, doors, tags and devices, each by identifier.
    static func < (lhs: EvaluationTarget, rhs: EvaluationTarget) -> Bool {
        switch (lhs, rhs) {
        case (.person(let a), .person(let b)): a < b
        case (.zone(let a), .zone(let b)): a < b
        case (.door(let a), .door(let b)): a < b
        case (.tag(let a), .tag(let b)): a < b
        case (.device(let a), .device(let b)): a < b
        default: lhs.rank < rhs.rank
        }
    }
}
