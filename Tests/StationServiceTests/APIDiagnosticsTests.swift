import CustodyCore
import Foundation
import Journal
import StationService
import Testing

/// A technician's diagnostics through the daemon's bus queues: the whole daemon against the simulated
/// station, reached over its Unix socket.
@Suite("Diagnostics API: devices read and commanded through the daemon's bus queue")
struct APIDiagnosticsTests {
    typealias Unit = DaemonTestStation.Unit

    @Test func aDevicesPointsAreReadNowWithTheirUnits() async throws {
        try await DaemonTestStation.with { station in
            station.control("set \(Unit.co2Holding) abc_period_hours 200")  // a point the simulator does not drift
            let one = try await station.local.get("/v1/devices/co2-holding/points?point=abc_period_hours")
            #expect(one.status == 200, "\(one.body)")
            let body = try one.object()
            #expect(body["device"] as? String == "co2-holding")
            #expect(body["profile"] as? String == "senseair-s8")
            let points = try #require(body["points"] as? [[String: Any]])
            #expect(points.count == 1)
            #expect(points.first?["point"] as? String == "abc_period_hours")
            #expect(points.first?["value"] as? Int == 200)
            #expect(points.first?["unit"] as? String == "h")
            #expect(points.first?["status"] as? String == "ok")
            let co2 = try await station.local.get("/v1/devices/co2-holding/points?point=co2")
            #expect((try co2.object()["points"] as? [[String: Any]])?.first?["unit"] as? String == "ppm")

            let all = try await station.local.get("/v1/devices/lock-holding/points")
            #expect(all.status == 200, "\(all.body)")
            let names = Set((try all.object()["points"] as? [[String: Any]] ?? []).compactMap { $0["point"] as? String })
            #expect(names.isSuperset(of: ["door_closed", "bond_sensor", "release_relay"]), "\(names)")
        }
    }

    @Test func aRawReadGoesThroughTheQueueAndBadRequestsAreRefused() async throws {
        try await DaemonTestStation.with { station in
            station.control("set \(Unit.co2Holding) abc_period_hours 777")
            let read = try await station.local.post(
                "/v1/devices/co2-holding/read", json: ["table": "holding_register", "address": 0x1F, "count": 1])
            #expect(read.status == 200, "\(read.body)")
            #expect(try read.object()["registers"] as? [Int] == [777])
            let bits = try await station.local.post("/v1/devices/lock-holding/read", json: ["table": "discrete", "address": 0, "count": 2])
            #expect(bits.status == 200, "\(bits.body)")
            #expect((try bits.object()["bits"] as? [Bool])?.count == 2)

            let table = try await station.local.post("/v1/devices/co2-holding/read", json: ["table": "attic", "address": 0])
            #expect(table.status == 400)
            #expect(table.body.contains("table"))
            let address = try await station.local.post("/v1/devices/co2-holding/read", json: ["table": "holding", "address": 70000])
            #expect(address.status == 400)
            #expect(address.body.contains("70000"))
            let unknown = try await station.local.post("/v1/devices/nowhere/read", json: ["table": "holding", "address": 0])
            #expect(unknown.status == 404)
            #expect(try unknown.object()["error"] as? String == "unknown_device")
            #expect(try await station.local.get("/v1/devices/nowhere/points").status == 404)
            let point = try await station.local.get("/v1/devices/co2-holding/points?point=humidity")
            #expect(point.status == 404)
            #expect(point.body.contains("co2"), "the refusal lists the points there are")
        }
    }

    @Test func aDeadDeviceAnswersAGatewayTimeoutWithTheModbusError() async throws {
        try await DaemonTestStation.with { station in
            station.control("fault \(Unit.co2Holding) no-answer")
            let points = try await station.local.get("/v1/devices/co2-holding/points?point=co2")
            #expect(points.status == 504, "\(points.body)")
            #expect(try points.object()["error"] as? String == "no_answer")
            #expect(points.body.contains("no answer within 500 ms"))
            let raw = try await station.local.post("/v1/devices/co2-holding/read", json: ["table": "input", "address": 3])
            #expect(raw.status == 504, "\(raw.body)")
        }
    }

    @Test func aDoorCommandIsSentVerifiedAndJournaledWithWhoAskedForIt() async throws {
        try await DaemonTestStation.with { station in
            let sent = ContinuousClock.now
            let reply = try await station.local.post("/v1/devices/lock-holding/commands", json: ["command": "unlock", "officer": "o1"])
            #expect(reply.status == 200, "\(reply.body)")
            let body = try reply.object()
            #expect(body["verified"] as? Bool == true)
            #expect((body["outcome"] as? String)?.hasPrefix("verified after") == true, "\(body)")
            #expect(station.writes.all.contains { $0.unit == Unit.lockHolding && $0.at >= sent })

            let entries = try JournalReader(path: station.journalPath).entries(kinds: [.doorIntent, .doorOutcome])
                .filter { $0.subject == .device("lock-holding") }
            #expect(entries.map(\.kind) == [.doorIntent, .doorOutcome])
            #expect(entries.allSatisfy { $0.actor == "o1" })
            #expect(entries.last?.bodyText?.contains(#""confirmed":"yes""#) == true)
            #expect(entries.first?.bodyText?.contains(#""source":"diagnostics""#) == true)
        }
    }

    @Test func aDiagnosticUnlockIsRefusedWhileSomeoneInCustodyIsBesideTheDoor() async throws {
        try await DaemonTestStation.with { station in
            let register: [String: Any] = [
                "officer": "o1", "person": "p1", "role": "suspect", "sex": "male", "birth_date": "1990-05-01", "case": "c-1",
                "measure": "criminal_summons",
            ]
            #expect(try await station.local.post("/v1/people", json: register).status == 201)
            #expect(try await station.local.post("/v1/people/p1/wristband", json: ["officer": "o1", "tag": "5E000001"]).status == 200)
            station.read(tag: "5E000001", at: Unit.readerHolding)
            try await station.until("p1 in holding-1") { $0.person("p1")?.zone == "holding-1" }
            let sent = ContinuousClock.now
            let reply = try await station.local.post("/v1/devices/lock-holding/commands", json: ["command": "unlock", "officer": "o1"])
            #expect(reply.status == 409, "\(reply.body)")
            #expect(reply.body.contains("door-holding"))
            #expect(!station.writes.all.contains { $0.unit == Unit.lockHolding && $0.at >= sent }, "nothing was sent")
            let lock = try await station.local.post("/v1/devices/lock-holding/commands", json: ["command": "lock_now", "officer": "o1"])
            #expect(lock.status == 200, "locking is always allowed: \(lock.body)")
            // The door on the other side of the area is empty and may be tested.
            #expect(try await station.local.post("/v1/devices/lock-interview/commands", json: ["command": "unlock"]).status == 200)
        }
    }

    @Test func anotherDevicesCommandIsJournaledUnderItsOwnKindAndUnknownOnesAreRefused() async throws {
        try await DaemonTestStation.with { station in
            let reply = try await station.local.post("/v1/devices/reader-entrance/commands", json: ["command": "beep_accept"])
            #expect(reply.status == 200, "\(reply.body)")
            #expect(try reply.object()["succeeded"] as? Bool == true)
            #expect(try reply.object()["verified"] as? Bool == false, "the beep has no read-back")
            let entries = try JournalReader(path: station.journalPath).entries(kinds: ["device-command"])
            #expect(entries.count == 2)
            #expect(entries.allSatisfy { $0.subject == .device("reader-entrance") && $0.actor == "api:unix-socket" })

            let unknown = try await station.local.post("/v1/devices/reader-entrance/commands", json: ["command": "self_destruct"])
            #expect(unknown.status == 404)
            #expect(try unknown.object()["error"] as? String == "unknown_command")
            #expect(unknown.body.contains("beep_accept"))
            #expect(try JournalReader(path: station.journalPath).entries(kinds: ["device-command"]).count == 2, "nothing sent, nothing journaled")
        }
    }

    @Test func aCommandsRequiredRoleDecidesWhoMaySendItOverTCP() async throws {
        try await DaemonTestStation.with { station in
            let technician = station.tcp(.technician), supervisor = station.tcp(.supervisor)
            let refused = try await technician.post("/v1/devices/lock-interview/commands", json: ["command": "unlock"])
            #expect(refused.status == 403, "a door is an operator's (requires_role: operator): \(refused.body)")
            #expect(refused.body.contains("operate"), "\(refused.body)")
            #expect(try JournalReader(path: station.journalPath).entries(kinds: [.doorIntent]).isEmpty, "nothing sent, nothing journaled")
            #expect(try await supervisor.post("/v1/devices/lock-interview/commands", json: ["command": "unlock"]).status == 200)

            let calibration = try await technician.post("/v1/devices/co2-holding/commands", json: ["command": "clear_acknowledgement"])
            #expect(calibration.status == 200, "a sensor's maintenance is a technician's: \(calibration.body)")
            #expect(try await technician.post("/v1/devices/reader-entrance/commands", json: ["command": "beep_accept"]).status == 200,
                    "a command without requires_role is anyone's with diagnostics")
            #expect(try await station.tcp(.officer).post("/v1/devices/lock-interview/commands", json: ["command": "lock_now"]).status == 403,
                    "an officer has no diagnostics: doors open for an officer's tag at the reader")
        }
    }

    @Test func diagnosticsAreForTechniciansAndSupervisorsAndNeedFieldBuses() async throws {
        try await APITestStation.with { station in
            for role in [APIRole.technician, .supervisor] {
                let reply = try await station.tcp(role).get("/v1/devices/lock-h1/points")
                #expect(reply.status == 503, "\(role): \(reply.body)")
                #expect(try reply.object()["error"] as? String == "no_field_buses")
            }
            for role in [APIRole.officer, .auditor] {
                #expect(try await station.tcp(role).get("/v1/devices/lock-h1/points").status == 403, "\(role)")
                #expect(try await station.tcp(role).post("/v1/devices/lock-h1/commands", json: ["command": "unlock"]).status == 403)
            }
            #expect(try await station.tcp(nil).post("/v1/devices/lock-h1/read", json: ["table": "coil", "address": 0]).status == 401)
        }
    }
}
