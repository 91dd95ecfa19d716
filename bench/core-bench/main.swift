// core-bench: inputs per second through `CustodyEngine.apply` at several populations in custody, the
// per-input latency, the time to replay a month of a busy station into a fresh engine, and the daemon's
// start-up on that month's journal (SQLite read, JSON decode, apply; `--no-journal` skips it).
//
// Each population runs two streams of the same mix (see `StreamShape`): one with the station's
// activity per person fixed (`--rate`, inputs per person-hour; 0 skips it) and one over the same
// hours at every population (`--span-hours`; 0 skips it).
//
// usage: core-bench [--people 10,1000,10000] [--inputs 1000000] [--rate 250] [--span-hours 3]
//                   [--rounds 5] [--days 30] [--no-journal] [--json]
#if canImport(Glibc)
import Glibc
#endif
import CustodyCore

struct Options {
    var populations = [10, 1_000, 10_000]
    var inputs = 1_000_000
    /// About the busy month's own rate (`BusyMonth`: 1.78 million inputs over some 7,000
    /// person-hours, printed with its figures).
    var rate = 250
    var spanHours: Int64 = 3
    var rounds = 5
    var days = 30
    var journal = true
    var json = false

    /// The stream shapes to run, the fixed activity per person first.
    var shapes: [StreamShape] {
        (rate > 0 ? [.perPerson(rate: rate)] : []) + (spanHours > 0 ? [.fixedSpan(hours: spanHours)] : [])
    }

    init(_ arguments: [String]) {
        var iterator = arguments.dropFirst().makeIterator()
        while let argument = iterator.next() {
            switch argument {
            case "--people": populations = (iterator.next() ?? "").split(separator: ",").compactMap { Int($0) }
            case "--inputs": inputs = Int(iterator.next() ?? "") ?? inputs
            case "--rate": rate = Int(iterator.next() ?? "") ?? rate
            case "--span-hours": spanHours = Int64(iterator.next() ?? "") ?? spanHours
            case "--rounds": rounds = max(1, Int(iterator.next() ?? "") ?? rounds)
            case "--days": days = Int(iterator.next() ?? "") ?? days
            case "--json": json = true
            case "--no-journal": journal = false
            default:
                print("usage: core-bench [--people 10,1000,10000] [--inputs N] [--rate R] [--span-hours H] [--rounds R] [--days D] [--no-journal] [--json]")
                exit(2)
            }
        }
    }
}

let options = Options(CommandLine.arguments)
let loadBefore = loadAverage()
var sink = 0
var results: [PopulationResult] = []

for shape in options.shapes {
    if !options.json { print("stream: \(shape.label)") }
    for people in options.populations {
        let result = measure(people: people, shape: shape, inputs: options.inputs, rounds: options.rounds, sink: &sink)
        results.append(result)
        if !options.json {
            print("  \(people) people over \(formatFixed(result.spanHours, 1)) h: \(grouped(result.perCPUSecond)) inputs per CPU-second (\(formatFixed(result.medianCPUNs, 0)) ns CPU/input; reading the stream alone \(formatFixed(result.readCPUNsPerInput, 0))), \(grouped(result.perSecond)) inputs/s wall")
        }
    }
}

// A month of a busy station, recorded once through a live engine, then replayed into fresh engines.
var month: BusyMonth?
var replaySeconds: [Double] = []
var replayCPUSeconds: [Double] = []
var replayMatches = true
if options.days > 0 {
    let recorded = BusyMonth(days: options.days)
    month = recorded
    for _ in 0..<max(1, min(options.rounds, 3)) {
        var engine = CustodyEngine(layout: recorded.station.layout, start: BusyMonth.start)
        let began = nanoseconds()
        let cpuBegan = threadCPUNanoseconds()
        sink &+= run(recorded.steps, into: &engine)
        replayCPUSeconds.append(Double(threadCPUNanoseconds() - cpuBegan) / 1e9)
        replaySeconds.append(Double(nanoseconds() - began) / 1e9)
        replayMatches = replayMatches && engine == recorded.finalEngine
    }
}
var journalReplay: JournalReplay?
if options.journal, let month {
    do { journalReplay = try JournalReplay(month: month) } catch {
        print("journal replay failed: \(error)")
        exit(1)
    }
}
let loadAfter = loadAverage()

/// Per stream shape: CPU cost per input at the largest population over that at the smallest.
@MainActor func ratio(_ shape: StreamShape) -> Double? {
    let rows = results.filter { $0.shape == shape }
    guard let first = rows.first, let last = rows.last, rows.count > 1 else { return nil }
    return last.medianCPUNs / first.medianCPUNs
}

if options.json {
    var lines: [String] = []
    for r in results {
        lines.append("""
            {"stream": "\(r.shape.key)", "span_hours": \(formatFixed(r.spanHours, 2)), "people": \(r.people), "zones": \(r.zones), "inputs": \(r.inputs), "ticks": \(r.ticks), "effects": \(r.effects), \
            "alerts_raised": \(r.alertsRaised), "rejections": \(r.rejections), "inputs_per_cpu_second": \(Int(r.perCPUSecond)), "cpu_ns_per_input": \(formatFixed(r.medianCPUNs, 1)), \
            "cpu_ns_per_input_rounds": [\(r.cpuNsPerInput.map { formatFixed($0, 1) }.joined(separator: ", "))], \
            "inputs_per_second_wall": \(Int(r.perSecond)), "wall_ns_per_input": \(formatFixed(r.medianNs, 1)), \
            "read_cpu_ns_per_input": \(formatFixed(r.readCPUNsPerInput, 1)), "p50_ns": \(Int(r.p50)), "p99_ns": \(Int(r.p99)), "p999_ns": \(Int(r.p999)), "max_ns": \(Int(r.maxLatency))}
            """)
    }
    var monthJSON = "null"
    if let month {
        let sorted = replaySeconds.sorted()
        monthJSON = """
            {"days": \(month.days), "custodies": \(month.custodies), "inputs": \(month.steps.count), "ticks": \(month.ticks), \
            "person_hours": \(formatFixed(month.personHours, 1)), \
            "alerts_raised": \(month.alertsRaised), "replay_seconds": \(formatFixed(sorted[sorted.count / 2], 3)), \
            "replay_cpu_seconds": \(formatFixed(replayCPUSeconds.sorted()[replayCPUSeconds.count / 2], 3)), \
            "replay_matches_live_state": \(replayMatches), "journal": \(journalReplay.map(journalJSON) ?? "null")}
            """
    }
    print("""
        {"load_average_before": "\(loadBefore)", "load_average_after": "\(loadAfter)", \
        "ratio_largest_to_smallest": {\(options.shapes.map { "\"\($0.key)\": \(ratio($0).map { formatFixed($0, 2) } ?? "null")" }.joined(separator: ", "))}, \
        "populations": [\(lines.joined(separator: ", "))], "month": \(monthJSON)}
        """)
} else {
    print("")
    print("load average before: \(loadBefore); after: \(loadAfter)")
    print("")
    print("| stream | people in custody | zones | span | inputs (of which ticks) | inputs per CPU-second | CPU ns/input (rounds: min–max) | inputs/s, wall | p50 / p99 / p99.9 latency, wall | alerts raised |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for r in results {
        let low = r.cpuNsPerInput.min() ?? 0, high = r.cpuNsPerInput.max() ?? 0
        print("| \(r.shape.label) | \(grouped(Double(r.people))) | \(r.zones) | \(formatFixed(r.spanHours, 1)) h | \(grouped(Double(r.inputs))) (\(grouped(Double(r.ticks)))) | "
              + "\(grouped(r.perCPUSecond)) | \(formatFixed(r.medianCPUNs, 0)) (\(formatFixed(low, 0))–\(formatFixed(high, 0))) | "
              + "\(grouped(r.perSecond)) | \(grouped(r.p50)) / \(grouped(r.p99)) / \(grouped(r.p999)) ns | \(grouped(Double(r.alertsRaised))) |")
    }
    print("")
    for r in results {
        print("\(r.shape.label), alerts raised at \(grouped(Double(r.people))) people, by rule: \(byRule(r.raisedByRule)); open at the end: \(grouped(Double(r.openAlertsAtEnd)))")
    }
    for r in results {
        let total = Double(r.byKind.values.reduce(0) { $0 + $1.nanoseconds })
        let parts = r.byKind.sorted { $0.value.nanoseconds > $1.value.nanoseconds }.prefix(8).map {
            "\($0.key) \(formatFixed(100 * Double($0.value.nanoseconds) / total, 0)) % (\(grouped(Double($0.value.count))) × \(grouped(Double($0.value.nanoseconds) / Double($0.value.count))) ns)"
        }
        print("\(r.shape.label), time by input at \(grouped(Double(r.people))) people: \(parts.joined(separator: ", "))")
    }
    print("")
    for r in results {
        print("\(r.shape.label), \(grouped(Double(r.people))) people: reading the stream alone (each step copied out, no engine) costs \(formatFixed(r.readCPUNsPerInput, 0)) ns of CPU per input, included in the figure above")
    }
    print("")
    for shape in options.shapes {
        let rows = results.filter { $0.shape == shape }
        if let ratio = ratio(shape), let first = rows.first, let last = rows.last {
            print("CPU cost per input, \(grouped(Double(last.people))) people / \(grouped(Double(first.people))) people, \(shape.label): \(formatFixed(ratio, 2))×")
        }
    }
    if let month {
        let sorted = replaySeconds.sorted()
        let median = sorted[sorted.count / 2]
        print("")
        print("month of a busy station: \(month.days) days, \(grouped(Double(month.custodies))) custodies, "
              + "\(grouped(Double(month.steps.count))) inputs (\(grouped(Double(month.ticks))) ticks), \(grouped(Double(month.alertsRaised))) alerts raised, "
            + "\(grouped(month.personHours)) person-hours in custody (\(grouped(Double(month.steps.count) / month.personHours)) inputs per person-hour)")
        print("alerts raised in the month, by rule: \(byRule(month.raisedByRule))")
        let cpu = replayCPUSeconds.sorted()[replayCPUSeconds.count / 2]
        print("replay into a fresh engine: \(formatFixed(median, 2)) s wall, \(formatFixed(cpu, 2)) s CPU (\(grouped(Double(month.steps.count) / cpu)) inputs per CPU-second; "
              + "wall runs \(sorted.map { formatFixed($0, 2) }.joined(separator: ", ")) s); final state equals the live run's: \(replayMatches)")
        if let journal = journalReplay {
            print("the month as the daemon journals it: \(grouped(Double(journal.entries))) entries, \(formatFixed(journal.megabytes, 0)) MB, "
                  + "recorded in \(formatFixed(journal.recordSeconds, 1)) s")
            print("the daemon's start-up replay of it (SQLite read, JSON decode, apply): \(formatFixed(journal.replaySeconds, 2)) s wall, "
                  + "\(formatFixed(journal.replayCPUSeconds, 2)) s CPU (\(grouped(Double(journal.inputs) / journal.replayCPUSeconds)) inputs per CPU-second); "
                  + "final state equals the live run's: \(journal.matches)")
        }
    }
}

func journalJSON(_ journal: JournalReplay) -> String {
    """
    {"entries": \(journal.entries), "megabytes": \(formatFixed(journal.megabytes, 1)), "record_seconds": \(formatFixed(journal.recordSeconds, 2)), \
    "replay_seconds": \(formatFixed(journal.replaySeconds, 3)), "replay_cpu_seconds": \(formatFixed(journal.replayCPUSeconds, 3)), \
    "inputs": \(journal.inputs), "replay_matches_live_state": \(journal.matches)}
    """
}
func kindName(_ input: Input) -> String {
    switch input {
    case .tick: return "tick"
    case .observation(let observation):
        switch observation {
        case .tagSeen: return "tag_seen"
        case .tagLost: return "tag_lost"
        case .strap: return "strap"
        case .tagBattery: return "tag_battery"
        case .accessRequest: return "access_request"
        case .doorPosition: return "door_position"
        case .lockState: return "lock_state"
        case .sensor: return "sensor"
        case .fire: return "fire"
        case .recorder: return "recorder"
        case .device: return "device"
        }
    case .command(let command):
        switch command.action {
        case .register: return "register"
        case .welfare: return "welfare"
        case .release: return "release"
        case .acknowledgeAlert: return "acknowledge"
        case .roundLogged: return "round"
        default: return "other command"
        }
    }
}

func byRule(_ counts: [RuleID: Int]) -> String {
    counts.sorted { $0.key < $1.key }.map { "\($0.key.rawValue) \(grouped(Double($0.value)))" }.joined(separator: ", ")
}

if sink == 42 { print("") }
