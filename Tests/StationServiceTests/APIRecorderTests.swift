import CustodyCore
import Foundation
import Journal
import StationService
import Testing

/// Recorders with `source: api`: an officer reports start and stop, journaled with who reported it.
@Suite("Recorders reported through the API")
struct APIRecorderTests {
    @Test func aReportIsJournaledWithItsOfficerAndReachesTheCore() async throws {
        try await APITestStation.with { station in
            let reply = try await station.local.post("/v1/recorders/rec-1", json: ["officer": "o1", "running": true])
            #expect(reply.status == 200, "\(reply.body)")
            let reader = try JournalReader(path: station.directory.appendingPathComponent("journal.sqlite").path)
            let entries = try reader.entries(kinds: ["recorder-report", .observation])
            #expect(entries.map(\.kind) == ["recorder-report", .observation])
            #expect(entries.first?.actor == "o1")
            #expect(entries.last?.bodyText?.contains("rec-1") == true)
        }
    }

    @Test func unknownRecordersAndBadBodiesAreRefused() async throws {
        try await APITestStation.with { (station: APITestStation) async throws in
            #expect(try await station.local.post("/v1/recorders/rec-9", json: ["officer": "o1", "running": true]).status == 404)
            #expect(try await station.local.post("/v1/recorders/rec-1", json: ["officer": "o1"]).status == 400)
            #expect(try await station.tcp(.technician).post("/v1/recorders/rec-1", json: ["officer": "o1", "running": true]).status == 403)
        }
    }

    @Test func aRecorderWiredToADevicePointCannotBeSetByHand() async throws {
        try await DaemonTestStation.with { station in
            let reply = try await station.local.post("/v1/recorders/rec-interview-1", json: ["officer": "o1", "running": true])
            #expect(reply.status == 409, "\(reply.body)")
            #expect(reply.body.contains("device point"))
        }
    }
}
