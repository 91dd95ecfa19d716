/// Order statistics of a sample of durations, in milliseconds.
struct Percentiles {
    let sorted: [Double]

    init(_ values: [Double]) { sorted = values.sorted() }

    /// The nearest-rank percentile (`p` in 0…100); nan for an empty sample.
    func at(_ p: Double) -> Double {
        guard !sorted.isEmpty else { return .nan }
        let rank = Int((p / 100 * Double(sorted.count)).rounded(.up)) - 1
        return sorted[Swift.min(Swift.max(rank, 0), sorted.count - 1)]
    }

    var max: Double { sorted.last ?? .nan }

    /// `name_p50_ms=… name_p99_ms=… name_max_ms=…` for the report line.
    func fields(_ name: String) -> String {
        "\(name)_p50_ms=\(Self.text(at(50))) \(name)_p99_ms=\(Self.text(at(99))) \(name)_max_ms=\(Self.text(max))"
    }

    static func text(_ value: Double) -> String {
        value.isNaN ? "nan" : String(Double((value * 1000).rounded()) / 1000)
    }
}

extension Duration {
    /// The duration in milliseconds.
    var milliseconds: Double {
        Double(components.seconds) * 1000 + Double(components.attoseconds) / 1e15
    }
}
