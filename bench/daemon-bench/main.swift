import DeviceProfiles
import Foundation
import Modbus

// daemon-bench: the measurements of the daemon that need it in-process. Each prints one line of
// key=value fields for scripts/daemon-bench (bench/daemon_bench.py), which runs everything and reports.
//
//   daemon-bench latency PROFILES [REPETITIONS [LINE]]   tag read → unlock write (default 200, 115200-8N1)
//   daemon-bench fire PROFILES [REPETITIONS [LINE]]      fire alarm → every lock released (default 5)
//   daemon-bench poll PROFILE_FILE HOST PORT UNITS SECONDS   FieldBus polling back to back over TCP

let arguments = CommandLine.arguments
func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(2)
}
guard arguments.count >= 3 else {
    fail("usage: daemon-bench latency|fire PROFILES [REPETITIONS [LINE]] | poll PROFILE_FILE HOST PORT UNITS SECONDS")
}

do {
    switch arguments[1] {
    case "latency", "fire":
        let profiles = try ProfileLibrary.load(directory: arguments[2])
        let line = try SerialLine(shorthand: arguments.count > 4 ? arguments[4] : "115200-8N1")
        let station = try BenchStation(profiles: profiles, line: line)
        try await station.start()
        do {
            let repetitions = arguments.count > 3 ? Int(arguments[3]) : nil
            let result =
                arguments[1] == "latency"
                ? try await TagLatency(station: station, repetitions: repetitions ?? 200).run()
                : try await FireRelease(station: station, repetitions: repetitions ?? 5).run()
            print(result)
        } catch {
            await station.stop()
            throw error
        }
        await station.stop()
    case "poll":
        guard arguments.count == 7, let port = Int(arguments[4]), let units = Int(arguments[5]), let seconds = Double(arguments[6]) else {
            fail("usage: daemon-bench poll PROFILE_FILE HOST PORT UNITS SECONDS")
        }
        guard let text = try? String(contentsOfFile: arguments[2], encoding: .utf8) else { fail("cannot read \(arguments[2])") }
        let profile = try DeviceProfile(yaml: text, file: arguments[2])
        print(try await PollRate(host: arguments[3], port: port, units: units, profile: profile, seconds: seconds).run())
    default:
        fail("unknown measurement \(arguments[1])")
    }
} catch {
    fail("daemon-bench: \(error)")
}
