import CustodyCore
import Foundation
import StationService
import Testing

@Suite("The station API: a person's stay from registration to release")
struct APIFlowTests {
    static var register: [String: Any] { [
        "officer": "o1", "person": "p1", "role": "suspect", "sex": "male", "birth_date": "1990-05-01",
        "id_number": "110101199005011234", "case": "case-1", "measure": "criminal_summons",
    ] }

    @Test func registerWristbandIntakeWelfareAndReleaseOverTheUnixSocket() async throws {
        try await APITestStation.with { station in
            let client = station.local
            let registered = try await client.post("/v1/people", json: Self.register)
            #expect(registered.status == 201, "\(registered.body)")

            let people = try await client.get("/v1/people").array()
            let person = try #require(people.first)
            #expect(person["id"] as? String == "p1")
            #expect(person["id_last4"] as? String == "1234")
            #expect(!(try await client.get("/v1/people").body.contains("110101199005011234")))
            let clocks = try #require(person["clocks"] as? [[String: Any]])
            #expect(clocks.contains { $0["rule"] as? String == "CLK-01" && ($0["remaining_ms"] as? Int ?? 0) > 0 })

            #expect(try await client.post("/v1/people/p1/wristband", json: ["officer": "o1", "tag": "w-1"]).status == 200)
            let intake = try await client.post("/v1/people/p1/intake", json: [
                "officer": "o1", "safety_check": true, "health": ["injury": false, "note": "fit"], "belongings": 3,
            ])
            #expect(intake.status == 200, "\(intake.body)")
            let welfare = try await client.post(
                "/v1/people/p1/welfare", json: ["officer": "o2", "kind": "water", "response": "accepted"])
            #expect(welfare.status == 200, "\(welfare.body)")
            let single = try await client.get("/v1/people/p1").object()
            #expect(single["safety_checked"] as? Bool == true)
            #expect(single["belongings_listed"] as? Bool == true)
            #expect(single["tag"] as? String == "w-1")

            let release = try await client.post("/v1/people/p1/release", json: [
                "officer": "o1", "belongings_returned": true, "exit_health_note": "fit", "family_notified": true,
                "destination": "home",
            ])
            #expect(release.status == 200, "\(release.body)")
            #expect(try await client.get("/v1/people").array().isEmpty)

            let timeline = try await client.get("/v1/people/p1/timeline").object()
            let entries = try #require(timeline["entries"] as? [[String: Any]])
            let commands = entries.filter { $0["kind"] as? String == "command" }
            #expect(commands.count == 7, "register, wristband, three intake steps, welfare, release")
            #expect(commands.allSatisfy { ["o1", "o2"].contains($0["actor"] as? String ?? "") })
            #expect(!(try await client.get("/v1/people/p1/timeline").body.contains("110101199005011234")))

            let verify = try await client.get("/v1/journal/verify").object()
            #expect(verify["problem"] == nil)
            #expect((verify["entries_checked"] as? Int ?? 0) >= 7)
        }
    }

    @Test func theGeneralCommandRouteTakesAnyCoreCommand() async throws {
        try await APITestStation.with { station in
            #expect(try await station.local.post("/v1/people", json: Self.register).status == 201)
            let reply = try await station.local.post(
                "/v1/commands", #"{"officer":"o1","action":{"safety_check_done":{"person":"p1"}}}"#)
            #expect(reply.status == 200, "\(reply.body)")
            #expect(try reply.object()["action"] as? String == "safety_check_done")
        }
    }

    @Test func theGeneralRouteRefusesARegistrationCarryingItsOwnIDHash() async throws {
        try await APITestStation.with { station in
            let registration = Registration(
                person: "p2", role: .witness, sex: .female, birthDate: CalendarDate(year: 1980, month: 1, day: 1),
                idHash: "110101198001011234", idLast4: "1234")
            let body = String(decoding: try JSONEncoder().encode(Command(by: "o1", .register(registration))), as: UTF8.self)
            let reply = try await station.local.post("/v1/commands", body)
            #expect(reply.status == 400)
            #expect(try await station.local.get("/v1/people").array().isEmpty)
        }
    }

    @Test func alertsAreListedFromTheJournalAndAcknowledgedByName() async throws {
        try await APITestStation.with { station in
            var elderly = Self.register
            elderly["person"] = "p-old"
            elderly["birth_date"] = "1950-01-01"
            elderly["id_number"] = nil
            #expect(try await station.local.post("/v1/people", json: elderly).status == 201)
            #expect(try await station.local.post("/v1/people/p-old/wristband", json: ["officer": "o1", "tag": "w-9"]).status == 200)
            station.loop.submit(.observation(.tagSeen(tag: "w-9", zone: "holding-1")))
            var alerts: [[String: Any]] = []
            for _ in 0..<50 where alerts.isEmpty {
                alerts = try await station.local.get("/v1/alerts?state=open&rule=CLK-04").array()
                if alerts.isEmpty { try await Task.sleep(for: .milliseconds(50)) }
            }
            let alert = try #require(alerts.first)
            #expect(alert["person"] as? String == "p-old")
            #expect(alert["level"] as? String == "alarm")
            let id = try #require(alert["id"] as? String)
            let ack = try await station.local.post("/v1/alerts/ack", json: ["officer": "o2", "alert": id])
            #expect(ack.status == 200, "\(ack.body)")
            let acknowledged = try await station.local.get("/v1/alerts?state=acknowledged&rule=CLK-04").array()
            #expect(acknowledged.first?["acknowledged_by"] as? String == "o2")
            let status = try await station.local.get("/v1/status").object()
            #expect(status["people_in_custody"] as? Int == 1)
            #expect((status["alerts"] as? [[String: Any]])?.contains { $0["id"] as? String == id } == true)
        }
    }
}
