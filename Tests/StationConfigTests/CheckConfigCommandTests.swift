import Foundation
import Testing

/// `custodyd check-config` end to end, on the built executable: exit status, error lines, summary, JSON.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: StationFixtures.executable)))
struct CheckConfigCommandTests {
    /// Runs `custodyd check-config ARGS` in `directory`; returns the exit status and standard output.
    static func run(_ arguments: [String], in directory: String) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: StationFixtures.executable)
        process.arguments = ["check-config"] + arguments + ["--profiles", StationFixtures.devicesDirectory]
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    static func withStation<T>(_ yaml: String, _ body: (String) throws -> T) throws -> T {
        let directory = try StationFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try yaml.write(toFile: directory + "/station.yaml", atomically: true, encoding: .utf8)
        return try body(directory)
    }

    @Test func validFileExitsZeroWithASummary() throws {
        let (status, output) = try Self.withStation(StationFixtures.station) { try Self.run(["station.yaml"], in: $0) }
        #expect(status == 0)
        let lines = output.split(separator: "\n").map(String.init)
        #expect(lines.first == "station.yaml: OK (profiles from \(StationFixtures.devicesDirectory))")
        #expect(lines.contains("  4 zones, 2 doors, 8 devices on 3 buses, 2 officers, 1 recorders, 2 rule overrides"))
        #expect(lines.count < 20)
    }

    @Test func everyErrorIsPrintedAndTheExitIsNonZero() throws {
        let yaml = StationFixtures.station([("unit: 3", "unit: 2"), ("sex: female", "sex: f")])
        let (status, output) = try Self.withStation(yaml) { try Self.run(["station.yaml"], in: $0) }
        #expect(status == 1)
        #expect(output.split(separator: "\n").map(String.init) == [
            "station.yaml:19:69: devices.reader-holding.unit: unit 2 on bus 'field' is already device 'reader-entrance'",
            "station.yaml:44:33: officers.1002.sex: expected one of male, female, got 'f'",
            "station.yaml: 2 error(s), 0 warning(s)",
        ])
    }

    @Test func jsonCarriesErrorsWithTheirPlace() throws {
        let yaml = StationFixtures.station([("unit: 3", "unit: 2")])
        let (status, output) = try Self.withStation(yaml) { try Self.run(["station.yaml", "--json"], in: $0) }
        #expect(status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        #expect(object["ok"] as? Bool == false)
        let errors = try #require(object["errors"] as? [[String: Any]])
        #expect(errors.count == 1)
        #expect(errors.first?["line"] as? Int == 19)
        #expect(errors.first?["column"] as? Int == 69)
        #expect(errors.first?["field"] as? String == "devices.reader-holding.unit")
    }

    @Test func demoStationPasses() throws {
        let (status, output) = try Self.run(["simulators/demo-station.yaml", "--json"], in: StationFixtures.root.path)
        #expect(status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        let summary = try #require(object["summary"] as? [String: Any])
        #expect(summary["zones"] as? Int == 11)
        #expect(summary["simulation"] as? Bool == true)
    }
}
