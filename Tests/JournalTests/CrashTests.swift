import Foundation
import Testing
@testable import Journal

/// SIGKILL at random moments under load: no entry whose durability was awaited is lost, the chain
/// verifies, and the journal reopens quickly.
struct CrashTests {
    static let trials = 50

    /// The torture executable, built next to the test bundle by `swift build` / `swift test`.
    static var tortureExecutable: URL? {
        let base = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        return [base, base.deletingLastPathComponent()]
            .map { $0.appendingPathComponent("journal-torture") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// A small deterministic generator for the kill delays.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func killedWritersLoseNoAwaitedEntry() throws {
        let executable = try #require(Self.tortureExecutable, "build it first: swift build --product journal-torture")
        let directory = TemporaryDirectory()
        let path = directory.path("crash.db")
        var random = SplitMix(state: 0xC05_70D1)
        var totalAcknowledged = 0
        for trial in 0..<Self.trials {
            let process = Process()
            process.executableURL = executable
            process.arguments = [path, "4"]
            let output = Pipe()
            process.standardOutput = output
            try process.run()
            usleep(UInt32.random(in: 20_000...120_000, using: &random))
            kill(process.processIdentifier, SIGKILL)
            let printed = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            #expect(process.terminationReason == .uncaughtSignal)

            let opening = ContinuousClock.now
            let journal = try CustodyJournal(path: path)
            journal.close()
            #expect(ContinuousClock.now - opening < .seconds(2), "trial \(trial): reopening took too long")

            let reader = try JournalReader(path: path)
            let verification = try reader.verify()
            #expect(verification.isIntact, "trial \(trial): \(verification)")
            let acknowledged = Self.parse(printed)
            totalAcknowledged += acknowledged.count
            let bodies = try Self.bodies(reader, seqs: acknowledged.keys)
            for (seq, tag) in acknowledged {
                #expect(bodies[seq] == #"{"tag":"\#(tag)"}"#, "trial \(trial): acknowledged entry \(seq) lost")
            }
        }
        #expect(totalAcknowledged > Self.trials)
    }

    /// Complete lines only: the kill may cut the last one.
    static func parse(_ data: Data) -> [Int64: String] {
        let text = String(decoding: data, as: UTF8.self)
        var result: [Int64: String] = [:]
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let parts = line.split(separator: " ")
            guard parts.count == 2, let seq = Int64(parts[0]), parts[1].contains(":") else { continue }
            result[seq] = String(parts[1])
        }
        if !text.hasSuffix("\n"), let last = text.split(separator: "\n").last,
           let seq = Int64(last.split(separator: " ").first ?? "") {
            result[seq] = nil
        }
        return result
    }

    static func bodies(_ reader: JournalReader, seqs: some Collection<Int64>) throws -> [Int64: String] {
        guard let first = seqs.min() else { return [:] }
        var result: [Int64: String] = [:]
        try reader.forEachEntry(after: first - 1) { entry in result[entry.seq] = entry.bodyText }
        return result
    }
}
