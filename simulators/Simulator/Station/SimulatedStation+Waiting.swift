import DeviceProfiles
import Foundation
import Modbus

extension SimulatedStation {
    /// The longest `wait` a client may ask for, in milliseconds.
    static let longestWaitMilliseconds = 600_000

    /// `wait DEVICE POINT VALUE [TIMEOUT_MS]`: sleeps until the point has the value (woken by every write of
    /// the master, control command and tick), so a test awaits an effect instead of sleeping.
    func waitFor(_ words: [Substring]) -> String {
        guard words.count == 4 || words.count == 5 else { return "error usage: wait DEVICE POINT VALUE [TIMEOUT_MS]" }
        let id = String(words[1])
        guard let device = device(id: id) else { return unknownDevice(id) }
        var timeout = 5000
        if words.count == 5 {
            guard let given = Int(words[4]), (0...Self.longestWaitMilliseconds).contains(given) else {
                return "error TIMEOUT_MS must be 0–\(Self.longestWaitMilliseconds), got '\(words[4])'"
            }
            timeout = given
        }
        let point: Point, expected: ModbusValue
        do throws(SimulatorError) {
            point = try device.point(String(words[2]))
            expected = try SimulatedBus.parse(String(words[3]), for: point)
        } catch {
            return "error \(error)"
        }
        let started = ContinuousClock.now
        let deadline = Date(timeIntervalSinceNow: Double(timeout) / 1000)
        var seen = log.changeCount
        while true {
            let reading = try? device.value(of: point.name)
            if Self.value(reading?.value, matches: expected) {
                let waited = (ContinuousClock.now - started).components
                let milliseconds = waited.seconds * 1000 + waited.attoseconds / 1_000_000_000_000_000
                return "ok \(point.name)=\(SimulatedBus.render(reading)) after=\(milliseconds)ms t=\(Self.timestamp())"
            }
            guard let now = log.waitForChange(after: seen, until: deadline) else { return "error the simulator is stopping" }
            if now == seen {
                let last = SimulatedBus.render(try? device.value(of: point.name))
                return "error timeout after \(timeout) ms: \(id) \(point.name) is \(last), not \(words[3])"
            }
            seen = now
        }
    }

    /// `watch [DEVICE…]`: replies `ok watching`, then streams every write line (of the named devices, or of
    /// all) until the client hangs up or the simulator stops.
    func watch(devices ids: [String], connection: ControlConnection) -> String? {
        if let unknown = ids.first(where: { placements[$0] == nil }) { return unknownDevice(unknown) }
        let wanted = Set(ids)
        var next = log.nextNumber
        guard connection.send("ok watching") else { return nil }
        while true {
            guard let (lines, after) = log.lines(from: next, until: Date(timeIntervalSinceNow: 0.2)) else { return nil }
            next = after
            for line in lines {
                let device = line.split(separator: " ", maxSplits: 2).dropFirst().first.map(String.init) ?? ""
                guard wanted.isEmpty || wanted.contains(device) else { continue }
                guard connection.send(line) else { return nil }
            }
            if lines.isEmpty, connection.isClosed { return nil }
        }
    }

    /// Whether a read value is the one a client asked for: numbers compare as numbers (a scaled point may
    /// read back 31.499999), text as text.
    static func value(_ value: ModbusValue?, matches expected: ModbusValue) -> Bool {
        guard let value else { return false }
        if case .string(let wanted) = expected {
            if case .string(let text) = value { return text == wanted }
            return value.description == wanted
        }
        if let number = value.numericValue, let wanted = expected.numericValue {
            return abs(number - wanted) <= 1e-6 * max(1, abs(wanted))
        }
        return value == expected
    }
}
