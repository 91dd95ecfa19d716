/// The keys present in a keyed table (open alerts, pending conditions), grouped by subject, each
/// group with a 64-bit summary of which (rule, condition) pairs it holds.
///
/// Most rule evaluations find nothing about a subject: a clear bit answers that without hashing a
/// whole `AlertKey`, and releasing a person finds their keys without a scan of every open alert.
/// While the engine evaluates one subject, that subject's group is held aside (`enter`/`leave`), so
/// the dozens of checks of one evaluation cost one dictionary lookup, not one each.
struct SubjectKeys: Sendable, Equatable {
    struct Group: Sendable, Equatable {
        var summary: UInt64 = 0
        var keys: Set<AlertKey> = []

        mutating func insert(_ key: AlertKey) {
            keys.insert(key)
            summary |= SubjectKeys.bit(of: key)
        }

        mutating func remove(_ key: AlertKey) {
            guard keys.remove(key) != nil else { return }
            summary = keys.reduce(0) { $0 | SubjectKeys.bit(of: $1) }
        }
    }

    private var groups: [AlertSubject: Group] = [:]
    /// The subject being evaluated and its group, taken out of `groups` until `leave()`.
    private var scope: AlertSubject?
    private var scoped: Group?

    /// One of 64 bits for the key's rule and condition (several pairs may share one: a set bit only
    /// means "look").
    static func bit(of key: AlertKey) -> UInt64 {
        let utf8 = key.condition.utf8
        let mixed = Int(key.rule.rank) &* 11 &+ utf8.count &* 5 &+ Int(utf8.last ?? 0) &+ Int(utf8.first ?? 0) &* 3
        return 1 &<< UInt64(mixed & 63)
    }

    /// Holds `subject`'s group aside while its rules are evaluated.
    mutating func enter(_ subject: AlertSubject) {
        scope = subject
        scoped = groups.removeValue(forKey: subject)
    }

    /// Puts the held group back.
    mutating func leave() {
        if let scope, let scoped, !scoped.keys.isEmpty { groups[scope] = scoped }
        scope = nil
        scoped = nil
    }

    /// Whether `key` may be present: false whenever no key of its subject shares its bit.
    func mayContain(_ key: AlertKey) -> Bool {
        let subject = AlertSubject(key)
        let group = subject == scope ? scoped : groups[subject]
        guard let group else { return false }
        return group.summary & Self.bit(of: key) != 0
    }

    mutating func insert(_ key: AlertKey) {
        let subject = AlertSubject(key)
        if subject == scope {
            if scoped == nil { scoped = Group() }
            scoped!.insert(key)
        } else {
            groups[subject, default: Group()].insert(key)
        }
    }

    mutating func remove(_ key: AlertKey) {
        let subject = AlertSubject(key)
        if subject == scope {
            scoped?.remove(key)
            return
        }
        guard var group = groups.removeValue(forKey: subject) else { return }
        group.remove(key)
        if !group.keys.isEmpty { groups[subject] = group }
    }

    /// Every key about `subject`, sorted.
    func keys(of subject: AlertSubject) -> [AlertKey] {
        ((subject == scope ? scoped : groups[subject])?.keys ?? []).sorted()
    }
}
