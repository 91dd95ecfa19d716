import CustodyCore

/// How the measured stream spreads its inputs over station time.
///
/// The engine's work per input depends on how much custody time each input stands for: every
/// person's clocks, welfare timers and alarm repeats fall due on their own, so a stream that packs
/// the same number of inputs into the same hours at 10 and at 10,000 people asks each input at
/// 10,000 people to carry 1,000 times as many person-hours of timers (and each input at 10 people
/// almost none). `perPerson` keeps the station's activity per person fixed, as a real station's
/// input rate grows with the people it holds; `fixedSpan` is the stream of earlier rounds.
enum StreamShape: Equatable {
    /// Each person in custody brings `rate` inputs an hour (with their room's sensors, doors, the
    /// officers around them and the ticks their timers cause); the span is inputs / (people × rate).
    case perPerson(rate: Int)
    /// The same span at every population.
    case fixedSpan(hours: Int64)

    func span(people: Int, inputs: Int) -> TimeSpan {
        switch self {
        case .perPerson(let rate):
            TimeSpan(milliseconds: Int64(inputs) * 3_600_000 / Int64(max(1, people * rate)))
        case .fixedSpan(let hours):
            .hours(hours)
        }
    }

    var label: String {
        switch self {
        case .perPerson(let rate): "\(rate) inputs per person-hour"
        case .fixedSpan(let hours): "fixed \(hours) h"
        }
    }

    var key: String {
        switch self {
        case .perPerson(let rate): "per_person_\(rate)"
        case .fixedSpan(let hours): "fixed_\(hours)h"
        }
    }
}

struct PopulationResult {
    var shape: StreamShape
    var people: Int
    var span: TimeSpan
    var wings: Int
    var zones: Int
    var inputs: Int
    var ticks: Int
    var rejections: Int
    var effects: Int
    var alertsRaised: Int
    var openAlertsAtEnd: Int
    var raisedByRule: [RuleID: Int]
    /// Wall nanoseconds per input, one per round.
    var nsPerInput: [Double]
    /// CPU nanoseconds per input, one per round.
    var cpuNsPerInput: [Double]
    var p50: Double
    var p99: Double
    var p999: Double
    var maxLatency: Double
    var setupSeconds: Double
    /// CPU nanoseconds per input of walking the stream without the engine (`readPass`): the part of
    /// the figure that is the benchmark's own memory traffic, the same at every population.
    var readCPUNsPerInput: Double
    /// Total nanoseconds and count per kind of input, from the latency pass.
    var byKind: [String: (nanoseconds: UInt64, count: Int)]

    var medianNs: Double { nsPerInput.sorted()[nsPerInput.count / 2] }
    var medianCPUNs: Double { cpuNsPerInput.sorted()[cpuNsPerInput.count / 2] }
    var perSecond: Double { 1e9 / medianNs }
    var perCPUSecond: Double { 1e9 / medianCPUNs }
    var spanHours: Double { Double(span.milliseconds) / 3_600_000 }
}

/// Applies `steps` to `engine`; returns a value that depends on every outcome so nothing is optimised away.
@inline(never)
func run(_ steps: [Step], into engine: inout CustodyEngine) -> Int {
    var sink = 0
    for step in steps {
        let outcome = engine.apply(step.input, at: step.time)
        sink &+= outcome.effects.count
    }
    return sink
}

/// The timed pass over a stream, apart from the setup's pass through `run`, so that a profiler can
/// count it alone (`valgrind --tool=callgrind --toggle-collect='*streamPass*'`): at 10,000 people the
/// setup alone executes about 1.2 billion instructions.
@inline(never)
func streamPass(_ steps: [Step], into engine: inout CustodyEngine) -> Int {
    run(steps, into: &engine)
}

/// Walks a stream as `run` does, copying each step out of the array, without applying it: what
/// reading a million steps (184 bytes each, far more than any cache holds) costs by itself.
@inline(never)
func readPass(_ steps: [Step]) -> Int {
    var sink = 0
    for step in steps {
        sink &+= Int(truncatingIfNeeded: step.time.milliseconds) ^ kindCode(step.input)
    }
    return sink
}

/// A number per kind of input, read from the input's payload so that reading it touches the step.
@inline(never)
func kindCode(_ input: Input) -> Int {
    switch input {
    case .tick: 0
    case .observation: kindName(input).utf8.count
    case .command(let command): 100 + command.officer.rawValue.utf8.count
    }
}

/// Generates the stream for `people` shaped by `shape`, times `rounds` passes of it through a fresh
/// engine after the same setup (CPU and wall time), then one more pass timing every input on its own.
func measure(people: Int, shape: StreamShape, inputs: Int, rounds: Int, sink: inout Int) -> PopulationResult {
    let span = shape.span(people: people, inputs: inputs)
    let population = Population(people: people, inputs: inputs, span: span)
    let fresh = CustodyEngine(layout: population.station.layout, start: Population.start)
    var samples: [Double] = []
    var cpuSamples: [Double] = []
    var setupSeconds = 0.0
    for _ in 0..<rounds {
        var engine = fresh
        let setupStart = nanoseconds()
        sink &+= run(population.setup, into: &engine)
        setupSeconds = Double(nanoseconds() - setupStart) / 1e9
        let began = nanoseconds()
        let cpuBegan = threadCPUNanoseconds()
        sink &+= streamPass(population.stream, into: &engine)
        cpuSamples.append(Double(threadCPUNanoseconds() - cpuBegan) / Double(population.stream.count))
        samples.append(Double(nanoseconds() - began) / Double(population.stream.count))
    }
    let readBegan = threadCPUNanoseconds()
    sink &+= readPass(population.stream)
    let readCPUNsPerInput = Double(threadCPUNanoseconds() - readBegan) / Double(population.stream.count)
    // Per-input latency on a separate pass, each apply timed on its own.
    var engine = fresh
    sink &+= run(population.setup, into: &engine)
    var latencies = [UInt32](repeating: 0, count: population.stream.count)
    var byKind: [String: (nanoseconds: UInt64, count: Int)] = [:]
    for (n, step) in population.stream.enumerated() {
        let began = nanoseconds()
        let outcome = engine.apply(step.input, at: step.time)
        let spent = nanoseconds() - began
        latencies[n] = UInt32(min(spent, UInt64(UInt32.max)))
        sink &+= outcome.effects.count
        byKind[kindName(step.input), default: (0, 0)].nanoseconds += spent
        byKind[kindName(step.input), default: (0, 0)].count += 1
    }
    latencies.sort()
    func percentile(_ p: Double) -> Double { Double(latencies[min(latencies.count - 1, Int(Double(latencies.count) * p))]) }
    return PopulationResult(
        shape: shape, people: people, span: span, wings: population.station.wings.count,
        zones: population.station.layout.zones.count, inputs: population.stream.count,
        ticks: population.stream.reduce(0) { if case .tick = $1.input { $0 + 1 } else { $0 } },
        rejections: population.streamRejections, effects: population.streamEffects,
        alertsRaised: population.streamAlertsRaised, openAlertsAtEnd: population.openAlertsAtEnd,
        raisedByRule: population.raisedByRule, nsPerInput: samples, cpuNsPerInput: cpuSamples,
        p50: percentile(0.5), p99: percentile(0.99), p999: percentile(0.999),
        maxLatency: Double(latencies.last ?? 0), setupSeconds: setupSeconds,
        readCPUNsPerInput: readCPUNsPerInput, byKind: byKind)
}
