internal import Yams

extension ProfileParser {
    func parseSerial(_ node: Node) -> SerialSettings? {
        guard let map = MappingView(node, path: "serial_defaults", diagnostics: diagnostics) else { return nil }
        map.checkKeys(required: ["baud"], optional: ["parity", "data_bits", "stop_bits"], diagnostics: diagnostics)
        var serial = SerialSettings()
        if let baud = read.integer(map["baud"], map.field("baud")) {
            if SerialSettings.supportedBauds.contains(baud) {
                serial.baud = baud
            } else {
                diagnostics.report(
                    map["baud"], map.field("baud"),
                    "expected a baud rate libmodbus supports (1200, 2400, 4800, 9600, 19200, 38400, 57600, "
                        + "115200, …), got \(baud); libmodbus would silently use 9600")
            }
        }
        if let node = map["parity"], let parity = parseParity(node, field: map.field("parity")) {
            serial.parity = parity
        }
        if let bits = read.integer(map["data_bits"], map.field("data_bits"), in: 5...8, what: "data bits") {
            serial.dataBits = bits
        }
        if let node = map["stop_bits"], let bits = read.integer(node, map.field("stop_bits")) {
            if bits == 1 || bits == 2 {
                serial.stopBits = bits
            } else {
                diagnostics.report(node, map.field("stop_bits"), "expected 1 or 2 stop bits, got \(bits)")
            }
        }
        return serial
    }

    private func parseParity(_ node: Node, field: String) -> SerialSettings.Parity? {
        guard let text = read.string(node, field) else { return nil }
        if let parity = SerialSettings.Parity(rawValue: text) { return parity }
        diagnostics.report(node, field, "expected parity N, E or O, got '\(text)'")
        return nil
    }

    func parseTiming(_ node: Node) -> DeviceTiming {
        var timing = DeviceTiming()
        guard let map = MappingView(node, path: "timing", diagnostics: diagnostics) else { return timing }
        map.checkKeys(
            required: [],
            optional: [
                "timeout_ms", "byte_timeout_ms", "delay_after_connect_ms", "inter_request_ms",
                "max_registers_per_read", "max_bits_per_read", "allow_gaps",
            ],
            diagnostics: diagnostics)
        func value(_ key: String, _ range: ClosedRange<Int>, _ what: String) -> Int? {
            read.integer(map[key], map.field(key), in: range, what: what)
        }
        timing.timeoutMs = value("timeout_ms", 1...10000, "a response timeout in ms") ?? timing.timeoutMs
        timing.byteTimeoutMs = value("byte_timeout_ms", 0...10000, "a byte timeout in ms") ?? timing.byteTimeoutMs
        timing.delayAfterConnectMs =
            value("delay_after_connect_ms", 0...60000, "a delay in ms") ?? timing.delayAfterConnectMs
        timing.interRequestMs = value("inter_request_ms", 0...60000, "a pause in ms") ?? timing.interRequestMs
        timing.maxRegistersPerRead =
            value("max_registers_per_read", 1...125, "registers per read (Modbus allows 125)")
            ?? timing.maxRegistersPerRead
        timing.maxBitsPerRead =
            value("max_bits_per_read", 1...2000, "bits per read (Modbus allows 2000)") ?? timing.maxBitsPerRead
        timing.allowGaps = value("allow_gaps", 0...125, "a gap in items") ?? timing.allowGaps
        return timing
    }

    /// The shortest poll interval a profile may ask for, so one device cannot starve its bus.
    static let minimumIntervalMs = 100

    func parsePoll(_ node: Node) -> PollSettings {
        var poll = PollSettings()
        guard let map = MappingView(node, path: "poll", diagnostics: diagnostics) else { return poll }
        map.checkKeys(
            required: [], optional: ["interval_ms", "offline_interval_ms", "offline_after_misses"],
            diagnostics: diagnostics)
        let intervals = Self.minimumIntervalMs...86_400_000
        poll.intervalMs =
            read.integer(map["interval_ms"], map.field("interval_ms"), in: intervals, what: "a poll interval in ms")
            ?? poll.intervalMs
        poll.offlineIntervalMs =
            read.integer(
                map["offline_interval_ms"], map.field("offline_interval_ms"), in: intervals,
                what: "an offline poll interval in ms")
            ?? poll.offlineIntervalMs
        poll.offlineAfterMisses =
            read.integer(map["offline_after_misses"], map.field("offline_after_misses"), in: 1...100, what: "a count")
            ?? poll.offlineAfterMisses
        return poll
    }
}
