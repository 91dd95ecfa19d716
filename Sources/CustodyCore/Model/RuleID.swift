/// A rule of the catalogue (RULES.md). The raw value is the id printed in alerts and the journal.
public enum RuleID: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case clk01 = "CLK-01"
    case clk02 = "CLK-02"
    case clk03 = "CLK-03"
    case clk04 = "CLK-04"
    case clk05 = "CLK-05"
    case clk06 = "CLK-06"
    case clk07 = "CLK-07"
    case wel01 = "WEL-01"
    case wel02 = "WEL-02"
    case wel03 = "WEL-03"
    case sup01 = "SUP-01"
    case esc01 = "ESC-01"
    case sup03 = "SUP-03"
    case sep01 = "SEP-01"
    case occ01 = "OCC-01"
    case flow01 = "FLOW-01"
    case prot01 = "PROT-01"
    case rec01 = "REC-01"
    case zone01 = "ZONE-01"
    case exit01 = "EXIT-01"
    case dev01 = "DEV-01"
    case env01 = "ENV-01"
    case fire01 = "FIRE-01"
    case vit01 = "VIT-01"

    public static func < (lhs: RuleID, rhs: RuleID) -> Bool { lhs.rank < rhs.rank }

    /// Hashes the case, not the text of its raw value (which is what a `String`-backed enum hashes by default).
    public func hash(into hasher: inout Hasher) {
        hasher.combine(rank)
    }

    public static func == (lhs: RuleID, rhs: RuleID) -> Bool { lhs.rank == rhs.rank }

    /// The position of the raw value among all raw values in text order, so `<` orders by the text
    /// without comparing strings.
    var rank: UInt8 {
        switch self {
        case .clk01: 0
        case .clk02: 1
        case .clk03: 2
        case .clk04: 3
        case .clk05: 4
        case .clk06: 5
        case .clk07: 6
        case .dev01: 7
        case .env01: 8
        case .esc01: 9
        case .exit01: 10
        case .fire01: 11
        case .flow01: 12
        case .occ01: 13
        case .prot01: 14
        case .rec01: 15
        case .sep01: 16
        case .sup01: 17
        case .sup03: 18
        case .vit01: 19
        case .wel01: 20
        case .wel02: 21
        case .wel03: 22
        case .zone01: 23
        }
    }
}
