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

    /// The case and the identifier's cached hash, mixed directly (see `mixHash`).
    func _rawHashValue(seed: Int) -> Int {
        switch self {
        case .station: mixHash(0, seed: seed)
        case .person(let id): mixHash(id.cachedHash &+ 1, seed: seed)
        case .zone(let id): mixHash(id.cachedHash &+ 2, seed: seed)
        case .door(let id): mixHash(id.cachedHash &+ 3, seed: seed)
        case .tag(let id): mixHash(id.cachedHash &+ 4, seed: seed)
        case .device(let id): mixHash(id.cachedHash &+ 5, seed: seed)
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
