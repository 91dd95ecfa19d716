/// The subject an alert key is about first: its person, else its zone, door, tag or device, else
/// the station. `AlertKey` hashes the same subject.
enum AlertSubject: Sendable, Hashable {
    case station
    case person(PersonID)
    case zone(ZoneID)
    case door(DoorID)
    case tag(TagID)
    case device(DeviceID)

    init(_ key: AlertKey) {
        if let person = key.person {
            self = .person(person)
        } else if let zone = key.zone {
            self = .zone(zone)
        } else if let door = key.door {
            self = .door(door)
        } else if let tag = key.tag {
            self = .tag(tag)
        } else if let device = key.device {
            self = .device(device)
        } else {
            self = .station
        }
    }
}

extension AlertSubject {
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

    /// The subject whose alerts a target's evaluation mostly reconciles.
    init(_ target: EvaluationTarget) {
        switch target {
        case .station: self = .station
        case .person(let id): self = .person(id)
        case .zone(let id): self = .zone(id)
        case .door(let id): self = .door(id)
        case .tag(let id): self = .tag(id)
        case .device(let id): self = .device(id)
        }
    }
}
