#if canImport(Glibc)
import Glibc
#endif
import CustodyCore

/// A tiny seeded PRNG (SplitMix64): every run generates the same streams.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func below(_ bound: Int) -> Int { Int.random(in: 0..<bound, using: &self) }
    mutating func chance(_ percent: Double) -> Bool { Double.random(in: 0..<100, using: &self) < percent }
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}

/// One input as the journal records it: the input and the time it was applied at.
struct Step {
    var input: Input
    var time: Timestamp
}

/// Applies inputs to a live engine the way the daemon does — a `.tick` at every deadline that falls
/// due before the next input — and keeps every step, so the same history can be re-applied to a
/// fresh engine and timed.
struct Recorder {
    var engine: CustodyEngine
    var steps: [Step] = []
    var effects = 0
    var rejections = 0
    var alertsRaised = 0
    var ticks = 0
    /// The keys of the last 64 alerts raised, for officers to acknowledge.
    var recentlyRaised: [AlertKey] = []
    /// Alerts raised per rule.
    var raisedByRule: [RuleID: Int] = [:]

    init(_ engine: CustodyEngine) { self.engine = engine }

    mutating func record(_ input: Input, at time: Timestamp) {
        while let deadline = engine.nextDeadline, deadline < time {
            apply(.tick, at: deadline)
            ticks += 1
        }
        apply(input, at: time)
    }

    private mutating func apply(_ input: Input, at time: Timestamp) {
        let outcome = engine.apply(input, at: time)
        steps.append(Step(input: input, time: time))
        effects += outcome.effects.count
        if !outcome.isAccepted { rejections += 1 }
        for effect in outcome.effects {
            guard case .raiseAlert(let alert) = effect else { continue }
            alertsRaised += 1
            raisedByRule[alert.key.rule, default: 0] += 1
            if recentlyRaised.count == 64 { recentlyRaised.removeFirst() }
            recentlyRaised.append(alert.key)
        }
    }
}

/// Monotonic nanoseconds.
@inline(__always)
func nanoseconds() -> UInt64 {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return UInt64(spec.tv_sec) &* 1_000_000_000 &+ UInt64(spec.tv_nsec)
}

/// CPU nanoseconds this thread has run: unlike wall time, not inflated when other processes take the core.
@inline(__always)
func threadCPUNanoseconds() -> UInt64 {
    var spec = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
    return UInt64(spec.tv_sec) &* 1_000_000_000 &+ UInt64(spec.tv_nsec)
}

/// The load average as /proc/loadavg reports it (1, 5, 15 min).
func loadAverage() -> String {
    var values = [Double](repeating: 0, count: 3)
    let n = getloadavg(&values, 3)
    return n == 3 ? values.map { formatFixed($0, 2) }.joined(separator: " ") : "unknown"
}

func formatFixed(_ value: Double, _ digits: Int) -> String {
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let rounded = (value * scale).rounded() / scale
    var text = "\(rounded)"
    if let dot = text.firstIndex(of: ".") {
        let decimals = text.distance(from: dot, to: text.endIndex) - 1
        if decimals < digits { text += String(repeating: "0", count: digits - decimals) }
        if digits == 0 { text = String(text[..<dot]) }
    }
    return text
}

/// 1234567 → "1,234,567".
func grouped(_ value: Double) -> String {
    let whole = Int(value.rounded())
    var digits = Array(String(abs(whole)))
    var out: [Character] = []
    while digits.count > 3 {
        out = [","] + digits.suffix(3) + out
        digits.removeLast(3)
    }
    return (whole < 0 ? "-" : "") + String(digits + out)
}
