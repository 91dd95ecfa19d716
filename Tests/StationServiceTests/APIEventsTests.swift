import CustodyCore
import Foundation
import StationService
import Testing

@Suite("The station API: the event stream")
struct APIEventsTests {
    @Test func anAlertRaisedByAnObservationReachesASupervisorsStream() async throws {
        try await APITestStation.with { station in
            let supervisor = station.tcp(.supervisor)
            let stream = Task {
                try await supervisor.send("GET", "/v1/events", body: nil, timeout: 10) { $0.contains("event: alert") }
            }
            try await Self.waitForSubscribers(station.hub, 1)
            var elderly = APIFlowTests.register
            elderly["birth_date"] = "1950-01-01"
            #expect(try await station.local.post("/v1/people", json: elderly).status == 201)
            #expect(try await station.local.post("/v1/people/p1/wristband", json: ["officer": "o1", "tag": "w-1"]).status == 200)
            station.loop.submit(.observation(.tagSeen(tag: "w-1", zone: "holding-1")))
            let reply = try await stream.value
            #expect(reply.status == 200)
            #expect(reply.head.lowercased().contains("content-type: text/event-stream"))
            #expect(reply.body.contains("event: command"))
            #expect(reply.body.contains("event: alert\ndata: {\"alert\":{"))
            #expect(reply.body.contains("\"rule\":\"CLK-04\""))
        }
    }

    @Test func theTechniciansStreamCarriesNoPersonAndKeepsAlive() async throws {
        try await APITestStation.with { station in
            let technician = station.tcp(.technician)
            let stream = Task {
                try await technician.send("GET", "/v1/events", body: nil, timeout: 10) { $0.contains(": keep-alive") }
            }
            try await Self.waitForSubscribers(station.hub, 1)
            #expect(try await station.local.post("/v1/people", json: APIFlowTests.register).status == 201)
            let reply = try await stream.value
            #expect(reply.body.contains(": keep-alive"))
            #expect(!reply.body.contains("p1"))
        }
    }

    @Test func shutdownEndsOpenStreams() async throws {
        try await APITestStation.with { station in
            let stream = Task { try await station.local.send("GET", "/v1/events", body: nil, timeout: 20) }
            try await Self.waitForSubscribers(station.hub, 1)
            let started = ContinuousClock.now
            await station.api.shutdown()
            let reply = try await stream.value
            #expect(reply.status == 200)
            #expect(ContinuousClock.now - started < .seconds(5), "the stream should end with the server")
            #expect(station.hub.subscriberCount == 0)
        }
    }

    static func waitForSubscribers(_ hub: EventHub, _ count: Int) async throws {
        for _ in 0..<200 where hub.subscriberCount < count { try await Task.sleep(for: .milliseconds(10)) }
        #expect(hub.subscriberCount >= count)
    }
}

@Suite("The event hub")
struct EventHubTests {
    static let event = StationEvent.device(DeviceStatusView(id: "r-1", online: false, detail: "no answer"))

    @Test func aSlowSubscriberLosesTheOldestEventsAndIsToldHowMany() async {
        let hub = EventHub(capacity: 2)
        let subscription = hub.subscribe()
        for index in 0..<5 {
            hub.publish(.device(DeviceStatusView(id: "r-\(index)", online: true, detail: "ok")))
        }
        #expect(await subscription.next() == .lagged(dropped: 3))
        #expect(await subscription.next() == .device(DeviceStatusView(id: "r-3", online: true, detail: "ok")))
        #expect(await subscription.next() == .device(DeviceStatusView(id: "r-4", online: true, detail: "ok")))
        subscription.cancel()
        #expect(await subscription.next() == nil)
        #expect(hub.subscriberCount == 0)
    }

    @Test func cancellingTheReadingTaskEndsTheSubscription() async {
        let hub = EventHub()
        let subscription = hub.subscribe()
        let reader = Task { await subscription.next() }
        try? await Task.sleep(for: .milliseconds(20))
        reader.cancel()
        #expect(await reader.value == nil)
        #expect(hub.subscriberCount == 0)
        hub.publish(Self.event)
    }

    @Test func everySubscriberGetsEveryEvent() async {
        let hub = EventHub()
        let first = hub.subscribe()
        let second = hub.subscribe()
        hub.publish(Self.event)
        #expect(await first.next() == Self.event)
        #expect(await second.next() == Self.event)
    }
}
