import Modbus

/// Our RTU client against our RTU server over a pseudo-terminal, both in this process. With `--wire`,
/// the server delays each reply by the request's and reply's time on that line, as a real bus would,
/// and the result line adds the wire time per cycle and the bus utilisation (wire time / wall time).
enum RTULoop {
    static func run(_ raw: [String]) throws {
        let arguments = try BenchArguments(raw)
        let registers = try arguments.positionalInteger(0, "REGISTERS")
        let seconds = try arguments.positionalDouble(1, "SECONDS")
        let wire = try arguments.option("wire").map { text throws(ModbusError) in try SerialLine(shorthand: text) }
        let line = try wire ?? SerialLine(shorthand: "115200-8N1")
        let store = try ModbusDataStore(ranges: [.holdingRegister: 0...(registers - 1)])
        let server = try ModbusRTUServer(behavior: StaticUnits([1: store]), wire: wire)
        defer { server.stop() }
        let connection = try ModbusConnection(endpoint: .rtu(path: server.terminal.path, line: line))
        let request = ModbusRequest.readRegisters(.holdingRegister, address: 0, count: registers)
        let timeouts = ModbusTimeouts(responseMilliseconds: 1000, byteMilliseconds: 500)
        for _ in 0..<(wire == nil ? 200 : 2) { _ = try? connection.perform(request, unit: 1, timeouts: timeouts) }

        var recorder = LatencyRecorder(expected: 1 << 16)
        let end = recorder.start + seconds
        while recorder.last < end {
            recorder.time { (try? connection.perform(request, unit: 1, timeouts: timeouts)) != nil }
        }
        var result = recorder.summary()
        if let wire {
            // FC3: 8-byte request, 5 + 2N byte reply.
            let cycle = wire.cycleMicroseconds(requestBytes: 8, replyBytes: 5 + 2 * registers)
            let utilisation = Double(recorder.count) * cycle / 1e6 / recorder.elapsed
            result += " wire_us=\(recorder.format(cycle, 0)) wire_limit_rps=\(recorder.format(1e6 / cycle, 1))"
                + " utilisation=\(recorder.format(utilisation, 3))"
        }
        print(result)
        if recorder.errors > 0 { throw BenchFailure("\(recorder.errors) requests failed") }
    }
}
