import DeviceProfiles
import Modbus
import Simulator
import Synchronization
import Testing
import Foundation

@Suite("Simulated devices behave like the real ones")
struct SimulatedDeviceTests {
    @Test func aWaveshareFlashCommandUnlocksAndTheBondSensorFollows() throws {
        let profile = try exampleProfile("waveshare-relay-8ch-door")
        let bus = try SimulatedBus(devices: [try SimulatedDevice(profile: profile, unit: 4)])
        defer { bus.stop() }
        let server = try ModbusRTUServer(behavior: bus)
        defer { server.stop() }
        let line = try SerialLine(shorthand: "9600-8N1")
        let connection = try ModbusConnection(endpoint: .rtu(path: server.terminal.path, line: line))
        func inputs() throws -> [Bool] {
            try connection.perform(.readBits(.discreteInput, address: 0, count: 2), unit: 4).bits ?? []
        }
        #expect(try inputs() == [true, true])  // door closed, lock bonded

        // FC5 with a time value is the vendor's flash command; libmodbus's write_bit cannot send it.
        let reply = try connection.perform(.raw(pdu: [5, 0x02, 0x00, 0x00, 50]), unit: 4)
        #expect(reply == .raw([5, 0x02, 0x00, 0x00, 50]))
        #expect(try connection.perform(.readBits(.coil, address: 0, count: 1), unit: 4) == .bits([true]))
        #expect(try eventually { try inputs() == [true, false] }, "the bond sensor releases after its delay")

        // lock_now ends the pulse early; the bond sensor follows back.
        _ = try connection.perform(.writeCoil(address: 0, value: false), unit: 4)
        #expect(try eventually { try inputs() == [true, true] })
    }

    @Test func aReaderLatchesOneTagUntilAcknowledgedAndQueuesTheNext() throws {
        let profile = try exampleProfile("inveo-rfid-mif")
        let bus = try SimulatedBus(devices: [try SimulatedDevice(profile: profile, unit: 5)])
        defer { bus.stop() }
        let server = try ModbusTCPServer(port: 0, behavior: bus)
        defer { server.stop() }
        let connection = try ModbusConnection(endpoint: .tcp(host: "127.0.0.1", port: server.port))
        let tagID = try #require(profile.point(named: "tag_id"))
        func latched() throws -> String? {
            guard try connection.perform(.readBits(.coil, address: 1016, count: 1), unit: 5) == .bits([true]) else { return nil }
            let registers = try connection.perform(.readRegisters(.holdingRegister, address: 1002, count: 10), unit: 5).registers!
            return tagID.reading(registers: registers).value.flatMap { if case .string(let s) = $0 { s } else { nil } }
        }
        #expect(bus.control("tag 5 04A1B2C3") == "ok queued=0")
        #expect(bus.control("tag 5 04A1B2C3") == "ok queued=1")  // the same wristband twice is two reads
        #expect(try latched() == "04A1B2C3")
        _ = try connection.perform(.writeCoil(address: 1016, value: false), unit: 5)  // acknowledge
        #expect(try eventually { try latched() == "04A1B2C3" })
        _ = try connection.perform(.writeCoil(address: 1016, value: false), unit: 5)
        #expect(try eventually { try latched() == nil })
    }

    @Test func noTagReadIsLostWhileTheTickerDeliversToo() throws {
        // A new read (this thread) and an acknowledged latch (the ticker) both deliver queued tags;
        // interleaved, two deliveries latched over each other and a read was lost.
        let device = try SimulatedDevice(profile: try exampleProfile("inveo-rfid-mif"), unit: 5)
        let ticking = Atomic(true)
        let ticker = Thread { while ticking.load(ordering: .relaxed) { device.tick() } }
        ticker.start()
        defer { ticking.store(false, ordering: .relaxed) }
        let reads = 3_000
        var seen: [String] = []
        var sent = 0
        let deadline = ContinuousClock.now.advanced(by: .seconds(10))
        while seen.count < reads && ContinuousClock.now < deadline {
            if sent < reads {
                try device.readTag("T\(sent)")
                sent += 1
            }
            // The master: a latched read is taken, then acknowledged.
            if try device.value(of: "is_new_tag").value == .bool(true) {
                if case .string(let tag)? = try device.value(of: "tag_id").value { seen.append(tag) }
                try device.set("is_new_tag", to: .bool(false))
            }
        }
        let expected = (0..<reads).map { "T\($0)" }
        let firstWrong = seen.indices.first { seen[$0] != expected[$0] }.map { "\(seen[$0]) taken where \(expected[$0]) was due" }
        #expect(seen.count == reads && firstWrong == nil,
            "\(seen.count) of \(reads) reads taken in order (\(firstWrong ?? "no read out of order")), \(device.queuedTags) still queued")
    }

    @Test func aTCPDoorControllerUnlocksForItsPulseAndCountsAForcedDoor() throws {
        let profile = try exampleProfile("door-controller-tcp")
        let bus = try SimulatedBus(devices: [try SimulatedDevice(profile: profile, unit: 1)])
        defer { bus.stop() }
        let server = try ModbusTCPServer(port: 0, behavior: bus)
        defer { server.stop() }
        let connection = try ModbusConnection(endpoint: .tcp(host: "127.0.0.1", port: server.port))
        func inputs() throws -> [Bool] {
            try connection.perform(.readBits(.discreteInput, address: 0, count: 5), unit: 1).bits ?? []
        }
        _ = try connection.perform(.writeRegister(address: 16, value: 5), unit: 1)  // unlock
        #expect(try eventually { try inputs() == [true, false, false, false, true] })
        _ = try connection.perform(.writeRegister(address: 16, value: 0), unit: 1)  // lock_now
        #expect(try eventually { try inputs() == [true, true, false, false, false] })

        #expect(bus.control("force 1") == "ok")
        #expect(try inputs()[0] == false)
        #expect(try connection.perform(.readRegisters(.inputRegister, address: 1, count: 1), unit: 1) == .registers([1]))
    }

    @Test func sensorsDriftWithinTheirRangesAndTheSameSeedDriftsTheSameWay() throws {
        let profile = try exampleProfile("xy-md02")
        let a = try SimulatedDevice(profile: profile, unit: 1, seed: 42)
        let b = try SimulatedDevice(profile: profile, unit: 1, seed: 42)
        let drift = try #require(profile.simulation.first { $0.drift != nil })
        var now = ContinuousClock.now
        for _ in 0..<50 {
            now = now.advanced(by: .seconds(10))
            a.tick(now: now)
            b.tick(now: now)
            let value = try #require(try a.value(of: drift.point).value?.numericValue)
            #expect(value >= drift.drift!.min - 0.05 && value <= drift.drift!.max + 0.05)
            #expect(try a.value(of: drift.point) == b.value(of: drift.point))
        }
    }

    @Test func controlFaultsReachTheWireAndClear() throws {
        let profile = try exampleProfile("xy-md02")
        let bus = try SimulatedBus(devices: [try SimulatedDevice(profile: profile, unit: 1)])
        defer { bus.stop() }
        let server = try ModbusTCPServer(port: 0, behavior: bus)
        defer { server.stop() }
        let connection = try ModbusConnection(endpoint: .tcp(host: "127.0.0.1", port: server.port))
        let read = ModbusRequest.readRegisters(.inputRegister, address: 1, count: 2)
        let fast = ModbusTimeouts(responseMilliseconds: 100, byteMilliseconds: 50)
        #expect(bus.control("fault 1 exception 4 once") == "ok")
        #expect(throws: ModbusError.deviceRefused(.deviceFailure)) { try connection.perform(read, unit: 1, timeouts: fast) }
        _ = try connection.perform(read, unit: 1, timeouts: fast)
        #expect(bus.control("fault 1 no-answer") == "ok")
        #expect(throws: ModbusError.noAnswer(timeoutMilliseconds: 100)) { try connection.perform(read, unit: 1, timeouts: fast) }
        #expect(bus.control("list") == "ok 1:xy-md02[no-answer]")
        #expect(bus.control("fault 1 none") == "ok")
        _ = try connection.perform(read, unit: 1, timeouts: fast)
        #expect(bus.control("fault 1 sideways").hasPrefix("error fault must be"))
        #expect(bus.control("set 1 nosuchpoint 3").hasPrefix("error xy-md02 has no point 'nosuchpoint'"))
    }
}
