import Foundation
import StationService
import Testing

@Suite("The station API: who may do what, and how refusals read")
struct APIAccessTests {
    @Test func tcpWithoutAKnownTokenIsUnauthorizedWithAReason() async throws {
        try await APITestStation.with { station in
            let missing = try await station.tcp(nil).get("/v1/people")
            #expect(missing.status == 401)
            #expect(try missing.object()["error"] as? String == "unauthorized")
            var stranger = station.tcp(nil)
            stranger.token = "not-a-token"
            #expect(try await stranger.get("/v1/status").status == 401)
            #expect(try await station.tcp(nil).get("/metrics").status == 401)
        }
    }

    @Test func theTechnicianSeesDevicesButNoPersonalData() async throws {
        try await APITestStation.with { station in
            #expect(try await station.local.post("/v1/people", json: APIFlowTests.register).status == 201)
            let technician = station.tcp(.technician)
            let people = try await technician.get("/v1/people")
            #expect(people.status == 403)
            #expect(try people.object()["error"] as? String == "forbidden")
            #expect(try await technician.get("/v1/people/p1/timeline").status == 403)
            #expect(try await technician.get("/v1/alerts").status == 403)
            #expect(try await technician.get("/v1/devices").status == 200)
            let status = try await technician.get("/v1/status")
            #expect(status.status == 200)
            #expect(!status.body.contains("p1"))
            #expect(try status.object()["people_in_custody"] as? Int == 1)
            #expect(try await technician.post("/v1/people/p1/welfare", json: ["officer": "o1", "kind": "water", "response": "offered"]).status == 403)
        }
    }

    @Test func eachRoleGetsItsOwnPermissions() async throws {
        try await APITestStation.with { station in
            #expect(try await station.tcp(.officer).post("/v1/people", json: APIFlowTests.register.filter { $0.key != "id_number" }).status == 201)
            #expect(try await station.tcp(.officer).get("/v1/people").status == 200)
            let extensionBody: [String: Any] = ["officer": "o2", "limit_hours": 24, "reason": "complex case"]
            #expect(try await station.tcp(.officer).post("/v1/people/p1/extension", json: extensionBody).status == 403)
            #expect(try await station.tcp(.supervisor).post("/v1/people/p1/extension", json: extensionBody).status == 200)
            #expect(try await station.tcp(.supervisor).post("/v1/people/p1/welfare", json: ["officer": "o1", "kind": "water", "response": "offered"]).status == 403)
            #expect(try await station.tcp(.supervisor).get("/v1/journal/verify").status == 403)
            #expect(try await station.tcp(.auditor).get("/v1/journal/verify").status == 200)
            let export = try await station.tcp(.auditor).get("/v1/export?person=p1&format=csv")
            #expect(export.status == 200)
            #expect(export.body.hasPrefix("time_utc,"))
        }
    }

    @Test func anIDNumberIsRefusedOverTCP() async throws {
        try await APITestStation.with { station in
            let reply = try await station.tcp(.officer).post("/v1/people", json: APIFlowTests.register)
            #expect(reply.status == 403)
            #expect(try reply.object()["error"] as? String == "local_only")
        }
    }

    @Test func malformedBodiesNameTheField() async throws {
        try await APITestStation.with { station in
            let broken = try await station.local.post("/v1/people", "{not json")
            #expect(broken.status == 400)
            var missing = APIFlowTests.register
            missing["sex"] = nil
            let reply = try await station.local.post("/v1/people", json: missing)
            #expect(reply.status == 400)
            #expect(try reply.object()["message"] as? String == "missing field 'sex'")
            var badDate = APIFlowTests.register
            badDate["birth_date"] = "01/05/1990"
            #expect(try await station.local.post("/v1/people", json: badDate).body.contains("birth_date"))
        }
    }

    @Test func coreRefusalsCarryTheirReason() async throws {
        try await APITestStation.with { station in
            let unknownPerson = try await station.local.post("/v1/people/nobody/wristband", json: ["officer": "o1", "tag": "w-1"])
            #expect(unknownPerson.status == 404)
            #expect(try unknownPerson.object()["error"] as? String == "unknown_person")
            var stranger = APIFlowTests.register
            stranger["officer"] = "o-unknown"
            let unknownOfficer = try await station.local.post("/v1/people", json: stranger)
            #expect(unknownOfficer.status == 409)
            #expect(try unknownOfficer.object()["error"] as? String == "unknown_officer")
            #expect(try await station.local.post("/v1/people", json: APIFlowTests.register).status == 201)
            let incomplete = try await station.local.post("/v1/people/p1/release", json: [
                "officer": "o1", "belongings_returned": false, "exit_health_note": "", "family_notified": false,
                "destination": "",
            ])
            #expect(incomplete.status == 409)
            #expect(try incomplete.object()["error"] as? String == "checklist_incomplete")
            #expect(try await station.local.get("/v1/people/ghost/timeline").status == 404)
            #expect(try await station.local.post("/v1/alerts/ack", json: ["officer": "o1", "alert": "CLK-01/limit person=ghost"]).status == 404)
        }
    }
}
