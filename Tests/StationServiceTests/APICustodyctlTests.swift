import Foundation
import Testing

@Suite("custodyctl against a live daemon API")
struct APICustodyctlTests {
    struct Run: Sendable {
        var status: Int32
        var output: String
        var error: String
    }

    /// Runs the built `custodyctl` (beside the test bundle) on a thread of its own.
    static func custodyctl(_ arguments: [String]) async throws -> Run {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("custodyctl")
        return try await withCheckedThrowingContinuation { continuation in
            Thread {
                continuation.resume(with: Result {
                    let process = Process()
                    process.executableURL = binary
                    process.arguments = arguments
                    let output = Pipe()
                    let error = Pipe()
                    process.standardOutput = output
                    process.standardError = error
                    try process.run()
                    let out = output.fileHandleForReading.readDataToEndOfFile()
                    let err = error.fileHandleForReading.readDataToEndOfFile()
                    process.waitUntilExit()
                    return Run(status: process.terminationStatus, output: String(decoding: out, as: UTF8.self),
                               error: String(decoding: err, as: UTF8.self))
                })
            }.start()
        }
    }

    @Test func registersListsAndReportsRefusalsOverTheSocket() async throws {
        try await APITestStation.with { station in
            let socket = ["--socket", station.socketPath]
            let registered = try await Self.custodyctl(
                ["register", "p7", "--officer", "o1", "--sex", "female", "--birth-date", "1951-02-03",
                 "--id-number", "110101195102035678", "--measure", "administrative_questioning"] + socket)
            #expect(registered.status == 0, "\(registered.error)")
            #expect(registered.output.contains("registered p7"))

            let table = try await Self.custodyctl(["people"] + socket)
            #expect(table.status == 0, "\(table.error)")
            #expect(table.output.hasPrefix("PERSON"))
            #expect(table.output.contains("p7"))

            let json = try await Self.custodyctl(["people", "--json"] + socket)
            let people = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [[String: Any]])
            #expect(people.first?["id_last4"] as? String == "5678")

            let intake = try await Self.custodyctl(
                ["intake", "p7", "--officer", "o2", "--safety-check", "--health", "fit", "--belongings", "2"] + socket)
            #expect(intake.status == 0, "\(intake.error)")

            let refused = try await Self.custodyctl(["wristband", "ghost", "w-1", "--officer", "o1"] + socket)
            #expect(refused.status == 1)
            #expect(refused.error.hasPrefix("custodyctl: "))
            #expect(refused.error.contains("unknown_person"))

            let status = try await Self.custodyctl(["status"] + socket)
            #expect(status.status == 0, "\(status.error)")
            #expect(status.output.contains("1 in custody"))

            let unreachable = try await Self.custodyctl(["people", "--socket", station.socketPath + ".missing"])
            #expect(unreachable.status == 1)
            #expect(unreachable.error.hasPrefix("custodyctl: cannot reach custodyd"))
        }
    }

    @Test func followsTheEventStream() async throws {
        try await APITestStation.with { station in
            let follower = Task { try await Self.custodyctl(["events", "--count", "1", "--socket", station.socketPath]) }
            try await APIEventsTests.waitForSubscribers(station.hub, 1)
            #expect(try await station.local.post("/v1/people", json: APIFlowTests.register).status == 201)
            let run = try await follower.value
            #expect(run.status == 0, "\(run.error)")
            #expect(run.output.contains("o1: register p1 accepted"), "\(run.output)")
        }
    }

    @Test func usesTCPWithABearerToken() async throws {
        try await APITestStation.with { station in
            let url = ["--url", "http://127.0.0.1:\(station.port)"]
            let denied = try await Self.custodyctl(["people"] + url)
            #expect(denied.status == 1)
            #expect(denied.error.contains("unauthorized"))
            let technician = try await Self.custodyctl(["people", "--token", "technician-token"] + url)
            #expect(technician.error.contains("forbidden"))
            let supervisor = try await Self.custodyctl(["alerts", "--token", "supervisor-token"] + url)
            #expect(supervisor.status == 0, "\(supervisor.error)")
            #expect(supervisor.output.contains("no alerts"))
        }
    }
}
