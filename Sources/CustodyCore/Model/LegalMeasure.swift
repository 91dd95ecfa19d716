/// The legal basis on which a person is held; it decides which clock runs (CLK-01…CLK-05).
public enum LegalMeasure: String, Sendable, Hashable, Codable, CaseIterable {
    /// No coercive measure (a witness or victim giving a statement): only the absolute clock runs.
    case none
    /// Criminal summons 传唤 (CLK-01).
    case criminalSummons = "criminal_summons"
    /// Forced summons 拘传 (CLK-01).
    case forcedSummons = "forced_summons"
    /// Administrative questioning 询问查证 (CLK-02).
    case administrativeQuestioning = "administrative_questioning"
    /// Continued questioning 继续盘问 (CLK-03).
    case continuedQuestioning = "continued_questioning"
    /// Criminal detention decided 刑事拘留 (CLK-05).
    case criminalDetention = "criminal_detention"
    /// Arrest decided 逮捕 (CLK-05).
    case arrest

    /// The rule whose clock this measure runs, if any.
    public var clockRule: RuleID? {
        switch self {
        case .none: nil
        case .criminalSummons, .forcedSummons: .clk01
        case .administrativeQuestioning: .clk02
        case .continuedQuestioning: .clk03
        case .criminalDetention, .arrest: .clk05
        }
    }
}
