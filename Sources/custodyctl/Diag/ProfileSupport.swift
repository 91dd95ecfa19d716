import ArgumentParser
import DeviceProfiles
import Foundation
import Modbus

/// Loads one profile file; on any problem prints every diagnostic (`file:line:column: …`) and fails.
func loadProfile(_ path: String) throws -> DeviceProfile {
    guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
        throw fail("cannot read profile \(path)")
    }
    do {
        return try DeviceProfile(yaml: text, file: path)
    } catch {
        throw fail("profile \(path) has errors:\n" + error.description)
    }
}

/// The profile's serial line, where it names one.
func serialDefaults(_ profile: DeviceProfile) -> SerialLine? {
    guard let s = profile.serialDefaults, let parity = SerialLine.Parity(rawValue: s.parity.rawValue) else { return nil }
    return try? SerialLine(baud: s.baud, parity: parity, dataBits: s.dataBits, stopBits: s.stopBits)
}

/// The profile's timeouts, unless the command line overrides the response timeout.
func profileTimeouts(_ profile: DeviceProfile, bus: BusOptions) -> ModbusTimeouts {
    bus.timeouts(defaultMilliseconds: profile.timing.timeoutMs, byteMilliseconds: profile.timing.byteTimeoutMs)
}

/// The profile's identify probes in the form `diag scan` uses.
func identifyProbes(_ profile: DeviceProfile) -> [IdentifyProbe] {
    let probes = profile.identify.map {
        IdentifyProbe(table: $0.table, address: $0.address, expect: Int($0.expectRange.lowerBound)...Int($0.expectRange.upperBound))
    }
    if !probes.isEmpty { return probes }
    let first = profile.points.first { $0.access.isPolled }
    return [IdentifyProbe(table: first?.table ?? .holdingRegister, address: first?.address ?? 0, expect: nil)]
}

/// A connection set up from the profile (its serial defaults, timeouts and delay after connect).
func makeConnection(_ bus: BusOptions, profile: DeviceProfile) throws -> (connection: ModbusConnection, timeouts: ModbusTimeouts) {
    let connection = try ModbusConnection(
        endpoint: try bus.endpoint(defaults: serialDefaults(profile)),
        delayAfterConnectMilliseconds: profile.timing.delayAfterConnectMs)
    return (connection, profileTimeouts(profile, bus: bus))
}

/// One point's value as diag shows it.
struct PointValue {
    var name: String
    var display: String
    var unit: String?
    var raw: String?
    var error: String?

    var jsonObject: [String: Any] {
        var object: [String: Any] = ["point": name, "value": display]
        object["unit"] = unit
        object["error"] = error
        return object
    }
}

/// Reads a profile's points (or one of them) with the planner's batched reads.
func readPoints(
    _ connection: ModbusConnection, unit: Int, profile: DeviceProfile, only: String?, timeouts: ModbusTimeouts
) throws -> [PointValue] {
    var points = profile.points.filter(\.access.isPolled)
    if let only {
        guard let point = profile.point(named: only) else {
            throw fail("profile \(profile.id) has no point '\(only)' (it has: \(profile.points.map(\.name).joined(separator: ", ")))")
        }
        points = [point]
    }
    var values: [PointValue] = []
    for batch in ReadPlanner.plan(points, timing: profile.timing) {
        let request: ModbusRequest =
            batch.table.isBits
            ? .readBits(batch.table, address: batch.address, count: batch.count)
            : .readRegisters(batch.table, address: batch.address, count: batch.count)
        do {
            let response = try connection.perform(request, unit: unit, timeouts: timeouts)
            let samples = batch.table.isBits ? batch.samples(bits: response.bits ?? []) : batch.samples(registers: response.registers ?? [])
            for sample in samples {
                let point = batch.points.first { $0.name == sample.point }
                values.append(PointValue(name: sample.point, reading: sample.reading, point: point))
            }
        } catch .connectFailed(let code, let endpoint) where code != EBUSY {
            throw fail("cannot reach \(endpoint): \(ModbusError.errnoName(code))")
        } catch let error where busyPort(error) != nil {
            throw fail(portBusyReason(busyPort(error)!))
        } catch {
            for point in batch.points {
                values.append(PointValue(name: point.name, display: "(\(error.category))", unit: point.unit, error: error.description))
            }
        }
    }
    return values
}

extension PointValue {
    init(name: String, reading: PointReading, point: Point?) {
        self.name = name
        self.unit = point?.unit
        switch reading {
        case .value(let value):
            display = Self.render(value, point: point)
        case .unavailable(let raw):
            display = "unavailable"
            self.raw = raw.map(hex).joined(separator: " ")
        case .outOfRange(let value, let valid):
            display = "\(Self.render(value, point: point)) (outside \(valid.min)…\(valid.max))"
        case .undecodable(let error):
            display = "undecodable"
            self.error = error.description
        }
    }

    static func render(_ value: ModbusValue, point: Point?) -> String {
        switch value {
        case .double(let number):
            let rounded = (number * 1000).rounded() / 1000
            return rounded == rounded.rounded() ? String(Int64(rounded)) : String(rounded)
        case .bits(let raw):
            let names = ValueCodec.setBitNames(raw, names: point?.bits ?? [:])
            return names.isEmpty ? "none" : names.joined(separator: ",")
        case .string(let text):
            return "\"\(text)\""
        default:
            return value.description
        }
    }
}

/// A table of point values for people.
func renderReadings(_ values: [PointValue]) -> String {
    var table = TextTable("point", "value", "unit")
    for value in values { table.add(value.name, value.display + (value.error.map { "  — \($0)" } ?? ""), value.unit ?? "") }
    return table.render()
}

/// One JSON object as a line.
func jsonLine(_ object: [String: Any]) -> String {
    let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
    return String(decoding: data, as: UTF8.self)
}

/// Runs a profile command: sends its write, then checks its read-back within the profile's time.
func runProfileCommand(profilePath: String, command name: String, bus: BusOptions, unit: Int, json: Bool) throws {
    let profile = try loadProfile(profilePath)
    guard let command = profile.command(named: name) else {
        throw fail("profile \(profile.id) has no command '\(name)' (it has: \(profile.commands.map(\.name).joined(separator: ", ")))")
    }
    let (connection, timeouts) = try makeConnection(bus, profile: profile)
    let request = commandRequest(command)
    do {
        _ = try connection.perform(request, unit: unit, timeouts: timeouts)
    } catch {
        throw directFailure(error, at: "\(profile.id) unit \(unit) at \(connection.endpoint): \(name) failed")
    }
    guard let verify = command.verify else {
        if json { printJSON(["command": name, "sent": true]) } else { print("\(name): sent (no read-back defined)") }
        return
    }
    let clock = ContinuousClock()
    let deadline = clock.now.advanced(by: .milliseconds(verify.withinMs))
    var last = "no reading"
    repeat {
        if let reading = try readPoints(connection, unit: unit, profile: profile, only: verify.point, timeouts: timeouts).first {
            last = reading.display
            if reading.error == nil, matches(reading.display, verify.expect) {
                let elapsed = verify.withinMs - Int(clock.now.duration(to: deadline).components.seconds * 1000)
                if json {
                    printJSON(["command": name, "sent": true, "verified": true, "point": verify.point, "value": reading.display])
                } else {
                    print("\(name): sent; \(verify.point) = \(reading.display) as expected (within \(max(0, elapsed)) ms)")
                }
                return
            }
        }
        Thread.sleep(forTimeInterval: 0.05)
    } while clock.now < deadline
    throw fail("\(name): sent, but \(verify.point) read \(last), expected \(verify.expect) within \(verify.withinMs) ms")
}

/// The request a profile command sends (a raw frame for vendor values libmodbus cannot send).
func commandRequest(_ command: Command) -> ModbusRequest {
    let write = command.write
    let address = command.address
    if write.raw {
        let value = write.values.first ?? 0
        return .raw(pdu: [write.functionCode, UInt8(address >> 8), UInt8(address & 0xFF), UInt8(value >> 8), UInt8(value & 0xFF)])
    }
    switch write.functionCode {
    case 5: return .writeCoil(address: address, value: write.values.first == 0xFF00)
    case 15: return .writeCoils(address: address, values: write.values.map { $0 != 0 })
    case 6: return .writeRegister(address: address, value: write.values.first ?? 0)
    default: return .writeRegisters(address: address, values: write.values)
    }
}

private func matches(_ display: String, _ expect: ModbusValue) -> Bool {
    switch expect {
    case .bool(let flag): display == String(flag)
    case .double(let number): Double(display) == number
    default: display == expect.description
    }
}
