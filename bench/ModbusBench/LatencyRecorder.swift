import Glibc

/// Times requests the way bench/peers/fc3_loop.c does (CLOCK_MONOTONIC around each request) and prints
/// the same summary line, so the Swift and C loops are compared like for like.
struct LatencyRecorder {
    private var latencies: [Double] = []
    private(set) var errors = 0
    let start: Double
    private(set) var last: Double
    private let cpuStart: Double

    init(expected: Int = 1 << 20) {
        latencies.reserveCapacity(expected)
        cpuStart = Self.cpu()
        start = Self.now()
        last = start
    }

    /// This process's user + system CPU time, in seconds.
    static func cpu() -> Double {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    var elapsed: Double { last - start }
    var count: Int { latencies.count }

    /// Times one request; `body` returns whether it succeeded.
    mutating func time(_ body: () -> Bool) {
        let before = last
        if !body() { errors += 1 }
        last = Self.now()
        latencies.append(last - before)
    }

    /// `requests=… seconds=… rps=… p50_us=… p99_us=… cpu_us=… errors=…`
    func summary() -> String {
        let cpuPerRequest = (Self.cpu() - cpuStart) / Double(max(1, latencies.count)) * 1e6
        let sorted = latencies.sorted()
        guard !sorted.isEmpty else { return "requests=0 seconds=0 rps=0 p50_us=0 p99_us=0 errors=\(errors)" }
        let p50 = sorted[sorted.count / 2] * 1e6
        let p99 = sorted[Int(Double(sorted.count) * 0.99)] * 1e6
        let rate = Double(sorted.count) / elapsed
        return "requests=\(sorted.count) seconds=\(format(elapsed, 3)) rps=\(format(rate, rate < 1000 ? 1 : 0))"
            + " p50_us=\(format(p50, 1)) p99_us=\(format(p99, 1)) cpu_us=\(format(cpuPerRequest, 2)) errors=\(errors)"
    }

    func format(_ value: Double, _ decimals: Int) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let rounded = (value * scale).rounded() / scale
        return decimals == 0 ? String(Int(rounded)) : String(rounded)
    }
}
