import DeviceProfiles
import Modbus

/// The simulator's control commands, one per line (see simulators/README.md):
///
///     list                          devices served: unit, profile, fault
///     points UNIT                   every point of a device with its value
///     get UNIT POINT                one point's value
///     set UNIT POINT VALUE          change a value as the world would (true/false, numbers, text); a
///                                   drifting sensor value then stays where it was set
///     tag UNIT TAG                  a wristband read at a reader
///     command UNIT NAME             act as if the master sent a profile command (e.g. unlock)
///     bump UNIT POINT               count one occurrence on a counter point
///     open UNIT | close UNIT        the door's position switch
///     force UNIT                    the door opened while locked (counts it where the device counts)
///     fault UNIT none|no-answer|exception N|drop|corrupt|slow MS [once]
///
/// Replies are one line: `ok …` or `error …`.
extension SimulatedBus {
    public func control(_ line: String) -> String {
        let words = line.split(separator: " ", omittingEmptySubsequences: true)
        guard let verb = words.first else { return "error empty command" }
        if verb == "list" {
            let rows = devices.keys.sorted().map { unit in
                let device = devices[unit]!
                return "\(unit):\(device.profile.id)\(device.currentFault.map { "[\($0)]" } ?? "")"
            }
            return "ok " + rows.joined(separator: " ")
        }
        guard words.count >= 2, let unit = Int(words[1]) else { return "error usage: \(verb) UNIT …" }
        guard let device = devices[unit] else {
            return "error no device with unit \(unit) (units: \(devices.keys.sorted().map(String.init).joined(separator: ",")))"
        }
        do throws(SimulatorError) {
            switch (verb, words.count) {
            case ("points", 2):
                return "ok " + device.profile.points.map { "\($0.name)=\(Self.render(try? device.value(of: $0.name)))" }
                    .joined(separator: " ")
            case ("get", 3):
                return "ok " + Self.render(try device.value(of: String(words[2])))
            case ("set", 4...):
                let point = try device.point(String(words[2]))
                let text = words[3...].joined(separator: " ")
                try device.set(point.name, to: try Self.parse(text, for: point))
                device.pin(point.name)
                return "ok"
            case ("tag", 3):
                try device.readTag(String(words[2]))
                return "ok queued=\(device.queuedTags)"
            case ("command", 3):
                try device.perform(command: String(words[2]))
                return "ok"
            case ("bump", 3):
                try device.bump(String(words[2]))
                return "ok"
            case ("open", 2), ("close", 2):
                try device.set(try doorPoint(device), to: .bool(verb == "close"))
                return "ok"
            case ("force", 2):
                try device.set(try doorPoint(device), to: .bool(false))
                for event in device.profile.events {
                    if case .counter(let counter) = event.trigger { try device.bump(counter) }
                }
                return "ok"
            case ("fault", 3...):
                if words[2] == "none" {
                    device.inject(nil)
                    return "ok"
                }
                guard let fault = DeviceFault(words: Array(words[2...])) else {
                    return "error fault must be none, no-answer, exception N, drop, corrupt or slow MS, optionally + once"
                }
                device.inject(fault)
                return "ok"
            default:
                return "error unknown or malformed command '\(line)'"
            }
        } catch {
            return "error \(error)"
        }
    }

    private func doorPoint(_ device: SimulatedDevice) throws(SimulatorError) -> String {
        guard let point = device.profile.points.first(where: { $0.name == "door_closed" }) else {
            throw .invalid("\(device.profile.id) has no door_closed point")
        }
        return point.name
    }

    static func render(_ reading: PointReading?) -> String {
        switch reading {
        case .value(let value)?: value.description
        case .unavailable?: "unavailable"
        case .outOfRange(let value, _)?: "\(value)(out-of-range)"
        case .undecodable?, nil: "undecodable"
        }
    }

    static func parse(_ text: String, for point: Point) throws(SimulatorError) -> ModbusValue {
        if point.table.isBits || point.type == .bool {
            switch text.lowercased() {
            case "1", "true", "on": return .bool(true)
            case "0", "false", "off": return .bool(false)
            default: throw .invalid("\(point.name) is a bit: give true or false")
            }
        }
        if case .string = point.type { return .string(text) }
        guard let number = Double(text) else { throw .invalid("\(point.name) is numeric: '\(text)' is not a number") }
        return .double(number)
    }
}
