import Foundation
import Testing
@testable import Journal

/// `custodyctl journal verify` and `custodyctl export`, run as an auditor would on a copy.
struct CommandLineTests {
    static var executable: URL? {
        let base = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        return [base, base.deletingLastPathComponent()]
            .map { $0.appendingPathComponent("custodyctl") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let executable = try #require(Self.executable, "build it first: swift build --product custodyctl")
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func verifyExitsNonZeroAndNamesTheAlteredEntry() throws {
        let directory = TemporaryDirectory()
        let path = try TamperTests.journal(entries: 20, in: directory)
        let intact = try Self.run(["journal", "verify", "--db", path])
        #expect(intact.status == 0)
        #expect(intact.output.contains("chain intact: 20 entries"))
        _ = try TamperTests.shell(path, TamperTests.dropTriggers + "UPDATE entries SET actor = 'x' WHERE seq = 7;")
        let broken = try Self.run(["journal", "verify", "--db", path])
        #expect(broken.status == 1)
        #expect(broken.output.contains("entry 7 was altered"))
    }

    @Test func exportWritesARangeToAFile() throws {
        let directory = TemporaryDirectory()
        let path = try TamperTests.journal(entries: 20, in: directory)
        let output = directory.path("out.csv")
        let result = try Self.run(["export", "--db", path, "--from", "2026-01-01T00:00:05Z",
                                   "--to", "2026-01-01T00:00:08Z", "--format", "csv", "--output", output])
        #expect(result.status == 0, "\(result.output)")
        let lines = try String(contentsOfFile: output, encoding: .utf8).split(separator: "\r\n")
        #expect(lines.count == 4)
        let refused = try Self.run(["export", "--db", path, "--format", "xml", "--person", "P-1"])
        #expect(refused.status != 0 && refused.output.contains("json or csv"))
    }
}
