/// Groups of a target's rules that depend on different parts of the state, so an input can
/// re-evaluate only the groups it may change (a sensor value only the environment rules of its
/// room; an officer's move only the rules that count officers).
///
/// A target's deadline is the earliest of its groups' next changes; the groups not re-evaluated keep
/// the next change found when they last ran. That is what a full evaluation would find: their inputs
/// have not changed, every moment they wait for is still ahead (the target's deadline has not fallen
/// due, or they would have run), and a group that finds nothing to change emits nothing — so the
/// effects and deadlines are the same as re-running every rule, in the same order.
struct RuleFamilies: OptionSet, Sendable, Hashable {
    let rawValue: UInt8

    static let all = RuleFamilies(rawValue: 0xFF)

    // Zone groups, in evaluation order.
    /// SUP-01 and REC-01: officers and recorders of an interview room.
    static let supervision = RuleFamilies(rawValue: 1 << 0)
    /// SEP-01.
    static let separation = RuleFamilies(rawValue: 1 << 1)
    /// OCC-01.
    static let occupancy = RuleFamilies(rawValue: 1 << 2)
    /// SUP-03: the watch post and rounds.
    static let watch = RuleFamilies(rawValue: 1 << 3)
    /// ENV-01 and VIT-01 (they depend on a room's people only through whether it is occupied).
    static let environment = RuleFamilies(rawValue: 1 << 4)
    /// The zone groups that count the people in a room.
    static let occupants: RuleFamilies = [.supervision, .separation, .occupancy, .watch]

    // Person groups.
    /// ESC-01 and PROT-01: the rules that count the officers (and recorders) around a person.
    static let officers = RuleFamilies(rawValue: 1 << 0)
    /// The rules about where a person is (CLK-04 holding, WEL-02 questioning, WEL-03, ZONE-01, FLOW-01).
    static let presence = RuleFamilies(rawValue: 1 << 1)
    /// The clocks and welfare timers, which do not depend on where the person is (CLK-01 to -03 and
    /// -05 to -07, WEL-01).
    static let clocks = RuleFamilies(rawValue: 1 << 2)
}

/// The next change each group of a target found when it last ran (one slot per group).
struct FamilyDeadlines: Sendable, Equatable {
    /// Milliseconds, `Int64.min` for none: 40 bytes instead of the 80 that five `Timestamp?` take,
    /// and every evaluation copies a target's state in and out. No next change is ever `Int64.min`:
    /// one is kept only when it is after the evaluation's `now`.
    private var slots: (Int64, Int64, Int64, Int64, Int64) = (.min, .min, .min, .min, .min)

    subscript(_ slot: Int) -> Timestamp? {
        get {
            let raw: Int64 = switch slot {
            case 0: slots.0
            case 1: slots.1
            case 2: slots.2
            case 3: slots.3
            default: slots.4
            }
            return raw == .min ? nil : Timestamp(milliseconds: raw)
        }
        set {
            let raw = newValue?.milliseconds ?? .min
            switch slot {
            case 0: slots.0 = raw
            case 1: slots.1 = raw
            case 2: slots.2 = raw
            case 3: slots.3 = raw
            default: slots.4 = raw
            }
        }
    }

    /// The groups whose next change is due at `time` (group `n` is bit `n` of `RuleFamilies`).
    func due(atOrBefore time: Timestamp) -> RuleFamilies {
        var due = RuleFamilies()
        for slot in 0..<5 {
            if let next = self[slot], next <= time { due.insert(RuleFamilies(rawValue: 1 << UInt8(slot))) }
        }
        return due
    }

    static func == (lhs: FamilyDeadlines, rhs: FamilyDeadlines) -> Bool {
        lhs.slots == rhs.slots
    }
}
