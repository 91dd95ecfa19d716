import Foundation
import Testing
@testable import Journal

struct ProjectionTests {
    static let hour: Int64 = 3_600_000
    static let t0 = Sample.t0

    static func entry(_ offset: Int64, _ subject: Subject, actor: String? = nil,
                      _ changes: ProjectionChange...) -> NewEntry {
        NewEntry(at: t0 + offset, kind: .effect, subject: subject, actor: actor, json: "{}", changes: changes)
    }

    /// Two people arrive; one is released; alerts climb, are acknowledged and cleared; devices change.
    static func station(in directory: TemporaryDirectory, key: StationKey) throws -> CustodyJournal {
        let journal = try CustodyJournal(path: directory.path("j.db"))
        let id = key.protect(nationalID: "11010519491231002X")
        _ = try journal.appendAndWait([
            entry(0, .person("P-1"), actor: "officer-1",
                  .custodyOpened(person: "P-1", displayName: "Zhang San", id: id, arrivedAt: t0),
                  .clockUpdated(person: "P-1", clock: "CLK-01", startedAt: t0, limitAt: t0 + 12 * hour,
                                nextStepAt: t0 + 11 * hour, nextLevel: .warn),
                  .clockUpdated(person: "P-1", clock: "CLK-06", startedAt: t0, limitAt: t0 + 24 * hour,
                                nextStepAt: t0 + 20 * hour, nextLevel: .warn)),
            entry(60_000, .person("P-1"), .zonePresence(person: "P-1", zone: "entrance", at: t0 + 60_000)),
            entry(120_000, .person("P-1"), .zonePresence(person: "P-1", zone: "holding-1", at: t0 + 120_000)),
            entry(hour, .person("P-2"), actor: "officer-2",
                  .custodyOpened(person: "P-2", displayName: "Li Si", id: nil, arrivedAt: t0 + hour),
                  .zonePresence(person: "P-2", zone: "interview-2", at: t0 + hour)),
            entry(2 * hour, .device("door-3"), .deviceStatus(device: "door-3", online: false, detail: "no answer",
                                                             at: t0 + 2 * hour)),
            entry(2 * hour, .person("P-1"),
                  .alertRaised(id: "A-1", rule: "ESC-01", level: .warn, person: "P-1", zone: "holding-1",
                               message: "unescorted", at: t0 + 2 * hour)),
            entry(2 * hour + 1, .zone("interview-2"),
                  .alertRaised(id: "A-2", rule: "ENV-01", level: .critical, person: nil, zone: "interview-2",
                               message: "CO2 high", at: t0 + 2 * hour + 1)),
            entry(3 * hour, .person("P-1"), .alertLevelChanged(id: "A-1", level: .critical, at: t0 + 3 * hour)),
            entry(3 * hour, .person("P-1"), actor: "officer-1",
                  .alertAcknowledged(id: "A-1", by: "officer-1", at: t0 + 3 * hour)),
            entry(4 * hour, .zone("interview-2"), .alertCleared(id: "A-2", at: t0 + 4 * hour)),
            entry(5 * hour, .person("P-2"), actor: "officer-2",
                  .custodyClosed(person: "P-2", releasedAt: t0 + 5 * hour, outcome: "released")),
        ])
        return journal
    }

    @Test func peopleInCustodyShowEveryRunningClock() throws {
        let directory = TemporaryDirectory()
        let journal = try Self.station(in: directory, key: .random())
        let now = Self.t0 + 6 * Self.hour
        let people = try journal.makeReader().peopleInCustody(now: now)
        #expect(people.map(\.person) == ["P-1"])
        let person = try #require(people.first)
        #expect(person.idLast4 == "002X")
        #expect(person.zone == "holding-1")
        #expect(person.heldMs == 6 * Self.hour)
        #expect(person.clocks.map(\.clock) == ["CLK-01", "CLK-06"])
        #expect(person.clocks[0].remainingMs == 6 * Self.hour)
        #expect(person.clocks[0].untilNextStepMs == 5 * Self.hour)
        #expect(person.clocks[0].nextLevel == .warn)
    }

    @Test func alertsFilterByStateRuleLevelZoneAndTime() throws {
        let directory = TemporaryDirectory()
        let reader = try Self.station(in: directory, key: .random()).makeReader()
        #expect(try reader.alerts(.active).map(\.id) == ["A-1"])
        #expect(try reader.alerts(AlertFilter(states: [.cleared])).map(\.id) == ["A-2"])
        #expect(try reader.alerts(AlertFilter(states: [.open])).isEmpty)
        let first = try #require(try reader.alerts(AlertFilter(rule: "ESC-01")).first)
        #expect(first.state == .acknowledged && first.level == .critical && first.acknowledgedBy == "officer-1")
        #expect(try reader.alerts(AlertFilter(minimumLevel: .alarm)).isEmpty)
        #expect(try reader.alerts(AlertFilter(zone: "interview-2")).map(\.id) == ["A-2"])
        #expect(try reader.alerts(AlertFilter(from: Self.t0 + 2 * Self.hour + 1)).map(\.id) == ["A-2"])
        #expect(try reader.alerts(AlertFilter(to: Self.t0 + 2 * Self.hour + 1)).map(\.id) == ["A-1"])
    }

    @Test func sessionsInARangeComeWithTotals() throws {
        let directory = TemporaryDirectory()
        let reader = try Self.station(in: directory, key: .random()).makeReader()
        let now = Self.t0 + 6 * Self.hour
        let report = try reader.sessions(from: Self.t0, to: Self.t0 + 24 * Self.hour, now: now)
        #expect(report.count == 2 && report.stillInCustody == 1)
        #expect(report.totalHeldMs == 6 * Self.hour + 4 * Self.hour)
        #expect(report.longestHeldMs == 6 * Self.hour)
        #expect(report.alertsRaised == 1)
        #expect(try reader.sessions(from: Self.t0 + 1, to: now, now: now).sessions.map(\.person) == ["P-2"])
    }

    @Test func aTimelineHoldsZonesAlertsAndWhoDidWhat() throws {
        let directory = TemporaryDirectory()
        let reader = try Self.station(in: directory, key: .random()).makeReader()
        let timeline = try reader.timeline(person: "P-1", now: Self.t0 + 6 * Self.hour)
        #expect(timeline.visits.map(\.zone) == ["entrance", "holding-1"])
        #expect(timeline.visits[0].leftAt == Self.t0 + 120_000 && timeline.visits[1].leftAt == nil)
        #expect(timeline.alerts.map(\.id) == ["A-1"])
        #expect(timeline.entries.compactMap(\.actor) == ["officer-1", "officer-1"])
        let released = try reader.timeline(person: "P-2", now: Self.t0 + 6 * Self.hour)
        #expect(released.sessions.first?.outcome == "released")
        #expect(released.visits.first?.leftAt == Self.t0 + 5 * Self.hour)
    }

    @Test func devicesAndPresenceReflectTheLastChange() throws {
        let directory = TemporaryDirectory()
        let reader = try Self.station(in: directory, key: .random()).makeReader()
        #expect(try reader.devices().map(\.device) == ["door-3"])
        #expect(try reader.devices().first?.online == false)
        #expect(try reader.presence() == ["holding-1": ["P-1"]])
    }

    @Test func theIDNumberIsNeverStoredInClear() throws {
        let directory = TemporaryDirectory()
        let key = StationKey.random()
        let journal = try Self.station(in: directory, key: key)
        let reader = try journal.makeReader()
        let earlier = try reader.sessions(idHash: key.protect(nationalID: "110105 19491231002x"), now: Self.t0)
        #expect(earlier.map(\.person) == ["P-1"])
        journal.close()
        let bytes = try Data(contentsOf: URL(fileURLWithPath: directory.path("j.db")))
        #expect(bytes.range(of: Data("11010519491231002X".utf8)) == nil)
        #expect(bytes.range(of: Data("1101051949".utf8)) == nil)
    }
}
