import Foundation
import Testing
import CustodyCore

/// The journal stores inputs as JSON and the shell prints effects as JSON lines: the encoding is
/// part of the contract.
struct CodingTests {
    func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    @Test func effectsUseStableSnakeCaseNames() throws {
        let alert = Alert(
            key: AlertKey(.sep01, "co_suspects", zone: "corridor"), level: .alarm, message: "m",
            facts: [Fact("people", "p1,p2")], raisedAt: Timestamp(milliseconds: 5), notifiedAt: Timestamp(milliseconds: 5))
        #expect(try json(Effect.raiseAlert(alert)).hasPrefix(#"{"raise_alert":{"facts":"#))
        #expect(try JSONDecoder().decode(Effect.self, from: Data(json(Effect.clearAlert(alert)).utf8)) == .clearAlert(alert))
        #expect(try json(alert).contains(#""rule":"SEP-01""#))
        #expect(try json(Effect.door(.releaseAll)) == #"{"door":{"release_all":{}}}"#)
        #expect(try json(Effect.headCount([ZoneCount(zone: "corridor", count: 2)])) == #"{"head_count":[{"count":2,"zone":"corridor"}]}"#)
    }

    @Test func inputsRoundTrip() throws {
        let inputs: [Input] = [
            .tick,
            .observation(.tagSeen(tag: "w1", zone: "corridor")),
            .observation(.sensor(device: "env-h1", quantity: .co2, value: 1_234.5)),
            .command(Command(by: "o1", .register(registration: Fixtures.adult("p1", idHash: "h")))),
            .command(Command(by: "o2", .release(person: "p1", checklist: Fixtures.fullChecklist))),
            .command(Command(by: "o2", .acknowledgeAlert(key: AlertKey(.dev01, "strap_opened", tag: "w1")))),
        ]
        let data = try JSONEncoder().encode(inputs)
        #expect(try JSONDecoder().decode([Input].self, from: data) == inputs)
        #expect(try json(Input.tick) == #"{"tick":{}}"#)
        #expect(try json(inputs[1]) == #"{"observation":{"tag_seen":{"tag":"w1","zone":"corridor"}}}"#)
    }

    @Test func commandsReadTheirSnakeCaseFields() throws {
        let text = #"{"register":{"registration":{"person":"p1","role":"suspect","sex":"female","birth_date":"2009-02-28","case_id":"c1","measure":"criminal_summons","at_risk":true}}}"#
        let action = try JSONDecoder().decode(CommandAction.self, from: Data(text.utf8))
        guard case .register(let registration) = action else {
            Issue.record("not a registration")
            return
        }
        #expect(registration.birthDate == CalendarDate(year: 2009, month: 2, day: 28))
        #expect(registration.atRisk && registration.caseID == "c1" && !registration.pregnant)
        #expect(CalendarDate(iso: "2026-02-30") == nil)
    }
}
