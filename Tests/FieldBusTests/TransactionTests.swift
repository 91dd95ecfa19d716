import DeviceProfiles
import FieldBus
import Foundation
import Modbus
import Testing

@Suite("One-off transactions: a technician's reads through the bus queue")
struct TransactionTests {
    @Test func aPointReadThroughTheQueueReturnsTheSimulatedValueWithItsUnit() async throws {
        let rig = try Rig(.rtu, [.init(id: "co2-1", profile: try exampleProfile("senseair-s8"), unit: 21)])
        rig.start()
        #expect(rig.control("set 21 abc_period_hours 200") == "ok")  // a point the simulator does not drift
        let reads = try await rig.supervisor.readPoints(of: "co2-1", named: ["abc_period_hours"]).get()
        let period = try #require(reads.first)
        #expect(reads.count == 1)
        #expect(period.point.name == "abc_period_hours" && period.point.unit == "h")
        #expect(period.result == .success(.value(.uint(200))))

        let all = try await rig.supervisor.readPoints(of: "co2-1").get()
        #expect(Set(all.map(\.point.name)) == ["meter_status", "output_status", "co2", "sensor_id_high", "sensor_id_low",
                                                 "acknowledgement", "abc_period_hours"])
        #expect(all.allSatisfy { (try? $0.result.get()) != nil }, "\(all.map(\.result))")
    }

    @Test func aRawReadGoesThroughTheQueueAndIsNotReportedAsASample() async throws {
        let rig = try Rig(.rtu, [.init(id: "co2-1", profile: try exampleProfile("senseair-s8"), unit: 21)])
        rig.start()
        #expect(await eventually { rig.log.isOnline("co2-1") })
        #expect(rig.control("set 21 abc_period_hours 987") == "ok")
        let reply = await rig.supervisor.perform(.readRegisters(.holdingRegister, address: 0x1F, count: 1), on: "co2-1")
        #expect(reply == .success(.registers([987])))
        #expect(rig.log.samples("co2-1", "abc_period_hours").allSatisfy { $0 != .value(.uint(987)) },
                "a diagnostic read is not reported as a sample")
    }

    @Test func anUnknownDeviceOrPointFailsAtOnceAndSaysWhich() async throws {
        let rig = try Rig(.tcp, [.init(id: "door-1", profile: try exampleProfile("door-controller-tcp"), unit: 1)])
        rig.start()
        let unknown = await rig.supervisor.perform(.readRegisters(.holdingRegister, address: 0, count: 1), on: "door-9")
        #expect(unknown == .failure(.unknownDevice("door-9")))
        #expect(unknown.failureDescription == "no device 'door-9'")
        guard case .failure(.unknownPoint("nope", "door-1", let known)) = await rig.supervisor.readPoints(of: "door-1", named: ["nope"]) else {
            Issue.record("an unknown point was not refused")
            return
        }
        #expect(!known.isEmpty)
        let invalid = await rig.supervisor.perform(.readRegisters(.holdingRegister, address: 65535, count: 2), on: "door-1")
        guard case .failure(.modbus(.invalidRequest)) = invalid else {
            Issue.record("an impossible read was sent: \(invalid)")
            return
        }
    }

    @Test(arguments: [Rig.Transport.rtu, .tcp])
    func aTransactionToADeadDeviceFailsWithTheModbusErrorInsteadOfHanging(_ transport: Rig.Transport) async throws {
        let profile = try exampleProfile("waveshare-relay-8ch-door")
        let rig = try Rig(transport, [.init(id: "door-6", profile: profile, unit: 6)])
        rig.start()
        #expect(await eventually { rig.log.isOnline("door-6") })
        #expect(rig.control("fault 6 no-answer") == "ok")
        let started = ContinuousClock.now
        let reply = await rig.supervisor.perform(.readBits(.discreteInput, address: 0, count: 1), on: "door-6")
        let elapsed = milliseconds(started.duration(to: .now))
        guard case .failure(.modbus(.noAnswer(let timeout))) = reply else {
            Issue.record("expected no answer, got \(reply)")
            return
        }
        #expect(timeout == profile.timing.timeoutMs)
        #expect(elapsed < Double(profile.timing.timeoutMs * 2 + 500), "waited \(elapsed) ms: one poll in flight, then its own timeout")
        let reads = try await rig.supervisor.readPoints(of: "door-6").get()
        #expect(!reads.isEmpty)
        #expect(reads.allSatisfy { if case .failure(.modbus(.noAnswer)) = $0.result { true } else { false } })
    }

    @Test func aReadWaitsForAtMostTheTransactionInFlightBehindSlowPolls() async throws {
        let profile = try exampleProfile("door-controller-tcp")
        let rig = try Rig(.tcp, [.init(id: "door-1", profile: profile, unit: 1), .init(id: "door-2", profile: profile, unit: 2)])
        rig.start()
        #expect(await eventually { rig.log.isOnline("door-1") && rig.log.isOnline("door-2") })
        let slowMs = 200.0
        #expect(rig.control("fault 2 slow \(Int(slowMs))") == "ok")
        try await Task.sleep(for: .seconds(0.5))  // polls of both doors are now backed up behind the slow one
        let sent = ContinuousClock.now
        let reply = await rig.supervisor.perform(.readRegisters(.holdingRegister, address: 16, count: 1), on: "door-1")
        let latency = milliseconds(sent.duration(to: .now))
        #expect((try? reply.get()) != nil, "\(reply)")
        #expect(latency <= slowMs + 150, "the read waited \(latency) ms; at most one transaction was in flight")
    }

    @Test func aStoppedBusFailsTheTransactionAsClosed() async throws {
        let rig = try Rig(.tcp, [.init(id: "door-1", profile: try exampleProfile("door-controller-tcp"), unit: 1)])
        rig.start()
        rig.supervisor.stop()
        let reply = await rig.supervisor.perform(.readRegisters(.holdingRegister, address: 16, count: 1), on: "door-1")
        #expect(reply == .failure(.modbus(.closed)))
    }
}

extension Result where Failure: CustomStringConvertible {
    var failureDescription: String? {
        if case .failure(let error) = self { error.description } else { nil }
    }
}
