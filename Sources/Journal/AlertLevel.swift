/// The ladder every alert climbs (RULES.md): warn → warn2 → critical → ALARM.
public enum AlertLevel: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case warn, warn2, critical, alarm

    public static func < (lhs: AlertLevel, rhs: AlertLevel) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
