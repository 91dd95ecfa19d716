import Foundation
import StationService
import Testing

@Suite("Metrics in the Prometheus text format")
struct APIMetricsTests {
    /// Every line is a HELP or TYPE comment or a sample `name{labels} value`.
    static func isValidExposition(_ text: String) -> Bool {
        let sample = #/^[a-zA-Z_:][a-zA-Z0-9_:]*(\{([a-zA-Z_][a-zA-Z0-9_]*="([^"\\]|\\.)*",?)*\})? (-?[0-9.e+]+|[+-]Inf|NaN)$/#
        let comment = #/^# (HELP|TYPE) [a-zA-Z_:][a-zA-Z0-9_:]* .+$/#
        return text.hasSuffix("\n") && text.split(separator: "\n").allSatisfy { line in
            line.wholeMatch(of: sample) != nil || line.wholeMatch(of: comment) != nil
        }
    }

    @Test func theRegistryRendersCountersGaugesAndHistograms() {
        let metrics = MetricsRegistry()
        metrics.increment(MetricsRegistry.Name.devicePolls, labels: ["device": "lock-1"])
        metrics.increment(MetricsRegistry.Name.devicePolls, labels: ["device": "lock-1"])
        metrics.set(MetricsRegistry.Name.loopLagSeconds, to: 0.25)
        metrics.observe(MetricsRegistry.Name.journalCommitSeconds, 0.003)
        metrics.observe(MetricsRegistry.Name.journalCommitSeconds, 0.2)
        let text = metrics.render()
        #expect(Self.isValidExposition(text), "\(text)")
        #expect(text.contains("# TYPE custodyd_device_polls_total counter\n"))
        #expect(text.contains("custodyd_device_polls_total{device=\"lock-1\"} 2\n"))
        #expect(text.contains("custodyd_loop_lag_seconds 0.25\n"))
        #expect(text.contains("custodyd_journal_commit_seconds_bucket{le=\"0.005\"} 1\n"))
        #expect(text.contains("custodyd_journal_commit_seconds_bucket{le=\"+Inf\"} 2\n"))
        #expect(text.contains("custodyd_journal_commit_seconds_count 2\n"))
    }

    @Test func labelValuesAreEscaped() {
        let metrics = MetricsRegistry()
        metrics.increment(MetricsRegistry.Name.deviceErrors, labels: ["device": "a\"b", "error": "line\nbreak"])
        #expect(metrics.render().contains(#"{device="a\"b",error="line\nbreak"}"#))
    }

    @Test func theDaemonServesMetricsOnTheSocketWithoutAToken() async throws {
        try await APITestStation.with { station in
            #expect(try await station.local.post("/v1/people", json: APIFlowTests.register).status == 201)
            let reply = try await station.local.get("/metrics")
            #expect(reply.status == 200)
            #expect(reply.head.lowercased().contains("content-type: text/plain; version=0.0.4"))
            #expect(Self.isValidExposition(reply.body), "\(reply.body)")
            #expect(reply.body.contains("custodyd_open_alerts{level=\"alarm\"} 0\n"))
            #expect(reply.body.contains("custodyd_api_requests_total{method=\"POST\",status=\"201\"} 1\n"))
            #expect(reply.body.contains("custodyd_loop_inputs_total"))
            #expect(try await station.tcp(.technician).get("/metrics").status == 200)
        }
    }
}
