/// A subject whose rules are evaluated together and which owns one deadline: the earliest moment
/// any of its findings may change on its own.
enum EvaluationTarget: Sendable, Hashable, Comparable {
    case station
    case person(PersonID)
    case zone(ZoneID)
    case door(DoorID)
    case tag(TagID)
    case device(DeviceID)

    private var order: (Int, String) {
        switch self {
        case .station: (0, "")
        case .person(let id): (1, id.rawValue)
        case .zone(let id): (2, id.rawValue)
        case .door(let id): (3, id.rawValue)
        case .tag(let id): (4, id.rawValue)
        case .device(let id): (5, id.rawValue)
        }
    }

    static func < (lhs: EvaluationTarget, rhs: EvaluationTarget) -> Bool { lhs.order < rhs.order }
}
