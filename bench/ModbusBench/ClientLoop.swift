import Modbus

/// Our client's poll loop: one ModbusConnection on this thread, FC3 back to back for a fixed time.
enum ClientLoop {
    static func run(_ raw: [String]) throws {
        let arguments = try BenchArguments(raw)
        guard let host = arguments.positional.first else { throw UsageError("expected HOST") }
        let port = try arguments.positionalInteger(1, "PORT")
        let unit = try arguments.positionalInteger(2, "UNIT")
        let registers = try arguments.positionalInteger(3, "REGISTERS")
        let seconds = try arguments.positionalDouble(4, "SECONDS")
        let connection = try ModbusConnection(endpoint: .tcp(host: host, port: port))
        let request = ModbusRequest.readRegisters(.holdingRegister, address: 0, count: registers)
        let timeouts = ModbusTimeouts(responseMilliseconds: 1000, byteMilliseconds: 500)
        try connection.connectIfNeeded(timeouts: timeouts)
        for _ in 0..<1000 { _ = try? connection.perform(request, unit: unit, timeouts: timeouts) }  // warm-up

        var recorder = LatencyRecorder()
        let end = recorder.start + seconds
        while recorder.last < end {
            recorder.time { (try? connection.perform(request, unit: unit, timeouts: timeouts)) != nil }
        }
        print(recorder.summary())
        if recorder.errors > 0 { throw BenchFailure("\(recorder.errors) requests failed") }
    }
}

struct BenchFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
