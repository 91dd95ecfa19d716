import Foundation
import Synchronization

/// The daemon's metrics, rendered in the Prometheus text exposition format (version 0.0.4) at `/metrics`.
///
/// Counters, gauges and histograms are keyed by name and labels. Any thread may update them; updates
/// take one short lock. The names the daemon uses are in `MetricsRegistry.Name`.
public final class MetricsRegistry: Sendable {
    /// A metric's type, as its `# TYPE` line says.
    public enum Kind: String, Sendable {
        case counter, gauge, histogram
    }

    /// The metric names custodyd exports.
    public enum Name {
        /// Polls per device (counter; label `device`).
        public static let devicePolls = "custodyd_device_polls_total"
        /// Failed polls per device (counter; labels `device`, `error`).
        public static let deviceErrors = "custodyd_device_errors_total"
        /// Poll latency per device (histogram, seconds; label `device`).
        public static let devicePollSeconds = "custodyd_device_poll_seconds"
        /// The 99th percentile of a device's recent transaction times (FieldBus keeps a window per device).
        public static let deviceLatencyP99Seconds = "custodyd_device_latency_p99_seconds"
        /// 1 while a device answers, 0 while it is offline.
        public static let deviceOnline = "custodyd_device_online"
        /// How late the station loop ran its last deadline (gauge, seconds).
        public static let loopLagSeconds = "custodyd_loop_lag_seconds"
        /// Inputs the loop applied (counter).
        public static let loopInputs = "custodyd_loop_inputs_total"
        /// Time from append to durable commit of journal entries (histogram, seconds).
        public static let journalCommitSeconds = "custodyd_journal_commit_seconds"
        /// Journal appends that failed (counter).
        public static let journalErrors = "custodyd_journal_errors_total"
        /// Open alerts per level (gauge; label `level`).
        public static let openAlerts = "custodyd_open_alerts"
        /// API requests (counter; labels `method`, `status`).
        public static let apiRequests = "custodyd_api_requests_total"
        /// Event-stream subscribers connected now (gauge).
        public static let eventSubscribers = "custodyd_event_subscribers"
    }

    private struct Family {
        var kind: Kind
        var help: String
        var buckets: [Double]
        var series: [String: Series] = [:]
    }

    private struct Series {
        var labels: [(String, String)]
        var value: Double = 0
        var bucketCounts: [Int] = []
        var sum: Double = 0
        var count: Int = 0
    }

    private let families = Mutex<[String: Family]>([:])

    /// The default histogram buckets, in seconds: 1 ms to 10 s.
    public static let defaultBuckets: [Double] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

    /// A registry with the daemon's metrics described (each renders once it has a value).
    public init() {
        describe(Name.devicePolls, .counter, "Polls per device.")
        describe(Name.deviceErrors, .counter, "Failed polls per device.")
        describe(Name.devicePollSeconds, .histogram, "Poll latency per device in seconds.")
        describe(Name.deviceLatencyP99Seconds, .gauge, "99th percentile of recent transaction times per device, in seconds.")
        describe(Name.deviceOnline, .gauge, "1 while the device answers its polls, 0 while it is offline.")
        describe(Name.loopLagSeconds, .gauge, "How late the station loop ran its last deadline, in seconds.")
        describe(Name.loopInputs, .counter, "Inputs applied by the station loop.")
        describe(Name.journalCommitSeconds, .histogram, "Time from journal append to durable commit, in seconds.")
        describe(Name.journalErrors, .counter, "Journal appends that failed.")
        describe(Name.openAlerts, .gauge, "Open alerts per level.")
        describe(Name.apiRequests, .counter, "API requests by method and status.")
        describe(Name.eventSubscribers, .gauge, "Event-stream subscribers connected now.")
    }

    /// Declares a metric (idempotent); `buckets` apply to histograms.
    public func describe(_ name: String, _ kind: Kind, _ help: String, buckets: [Double] = MetricsRegistry.defaultBuckets) {
        families.withLock { families in
            if families[name] == nil {
                families[name] = Family(kind: kind, help: help, buckets: buckets.sorted())
            }
        }
    }

    /// Adds `amount` to a counter.
    public func increment(_ name: String, labels: [String: String] = [:], by amount: Double = 1) {
        update(name, .counter, labels) { $0.value += amount }
    }

    /// Sets a gauge.
    public func set(_ name: String, labels: [String: String] = [:], to value: Double) {
        update(name, .gauge, labels) { $0.value = value }
    }

    /// Records one observation in a histogram.
    public func observe(_ name: String, labels: [String: String] = [:], _ value: Double) {
        update(name, .histogram, labels) { series in
            series.sum += value
            series.count += 1
        }
        families.withLock { families in
            guard let buckets = families[name]?.buckets else { return }
            let key = Self.key(labels)
            for (index, bound) in buckets.enumerated() where value <= bound {
                families[name]?.series[key]?.bucketCounts[index] += 1
            }
        }
    }

    /// The current value of a counter or gauge series (for tests and status pages).
    public func value(_ name: String, labels: [String: String] = [:]) -> Double? {
        families.withLock { $0[name]?.series[Self.key(labels)]?.value }
    }

    private func update(_ name: String, _ kind: Kind, _ labels: [String: String], _ body: (inout Series) -> Void) {
        families.withLock { families in
            if families[name] == nil {
                families[name] = Family(kind: kind, help: name, buckets: Self.defaultBuckets)
            }
            let key = Self.key(labels)
            if families[name]?.series[key] == nil {
                let buckets = families[name]?.buckets.count ?? 0
                families[name]?.series[key] = Series(
                    labels: labels.sorted { $0.key < $1.key }, bucketCounts: Array(repeating: 0, count: buckets))
            }
            body(&families[name]!.series[key]!)
        }
    }

    /// The whole registry in the Prometheus text format; families sorted by name, series by labels.
    public func render() -> String {
        families.withLock { families in
            var out = ""
            for name in families.keys.sorted() {
                guard let family = families[name], !family.series.isEmpty else { continue }
                out += "# HELP \(name) \(Self.escapeHelp(family.help))\n# TYPE \(name) \(family.kind.rawValue)\n"
                for key in family.series.keys.sorted() {
                    guard let series = family.series[key] else { continue }
                    switch family.kind {
                    case .counter, .gauge:
                        out += "\(name)\(Self.labelText(series.labels)) \(Self.number(series.value))\n"
                    case .histogram:
                        for (index, bound) in family.buckets.enumerated() {
                            let labels = series.labels + [("le", Self.number(bound))]
                            out += "\(name)_bucket\(Self.labelText(labels)) \(series.bucketCounts[index])\n"
                        }
                        out += "\(name)_bucket\(Self.labelText(series.labels + [("le", "+Inf")])) \(series.count)\n"
                        out += "\(name)_sum\(Self.labelText(series.labels)) \(Self.number(series.sum))\n"
                        out += "\(name)_count\(Self.labelText(series.labels)) \(series.count)\n"
                    }
                }
            }
            return out
        }
    }

    static func key(_ labels: [String: String]) -> String {
        labels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "\u{1}")
    }

    static func labelText(_ labels: [(String, String)]) -> String {
        guard !labels.isEmpty else { return "" }
        return "{" + labels.map { "\($0.0)=\"\(escapeLabel($0.1))\"" }.joined(separator: ",") + "}"
    }

    static func escapeLabel(_ value: String) -> String {
        value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
    }

    static func escapeHelp(_ value: String) -> String {
        value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n")
    }

    static func number(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "+Inf" : "-Inf" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }
}
