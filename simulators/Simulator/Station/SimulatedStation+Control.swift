import StationConfig

/// The station simulator's control commands, one per line (see simulators/README.md). Device commands
/// are the per-bus ones (``SimulatedBus/control(_:)``) addressed by station device id:
///
///     list                                  every device: id@bus:unit:profile[fault]
///     points|get|set|tag|command|bump|open|close|force|fault DEVICE …
///     fire on|off                           the point the station file's fire: alarm names
///     door DOOR open|close|force|unlock     the door's lock device
///     wait DEVICE POINT VALUE [TIMEOUT_MS]  replies once the point has the value (default 5000 ms)
///     watch [DEVICE…]                       streams a line for every write of the master (socket only)
///
/// Replies are one line: `ok …` or `error …`; `watch` then streams `write DEVICE ACTION t=MS` lines.
extension SimulatedStation {
    static let deviceVerbs: Set<Substring> = ["points", "get", "set", "tag", "command", "bump", "open", "close", "force", "fault"]

    /// Carries out one command and returns its reply; `wait` blocks the caller until it is answered.
    public func control(_ line: String) -> String {
        let words = line.split(separator: " ", omittingEmptySubsequences: true)
        guard let verb = words.first else { return "error empty command" }
        switch verb {
        case "list":
            return "ok " + station.devices.map { device in
                let fault = self.device(id: device.id)?.currentFault.map { "[\($0)]" } ?? ""
                return "\(device.id)@\(device.bus):\(device.unit):\(device.profileID)\(fault)"
            }.joined(separator: " ")
        case "fire":
            return fire(words)
        case "door":
            return door(words)
        case "wait":
            return waitFor(words)
        case "watch":
            return "error watch streams; use it on the control socket"
        case _ where Self.deviceVerbs.contains(verb):
            guard words.count >= 2 else { return "error usage: \(verb) DEVICE …" }
            return forward(verb, device: String(words[1]), rest: words.dropFirst(2))
        default:
            return "error unknown command '\(verb)' (list, points, get, set, tag, command, bump, open, close, force, fault, fire, door, wait, watch)"
        }
    }

    /// Carries out one command from a control-socket client; `watch` streams to the client and returns nil.
    public func control(_ line: String, connection: ControlConnection) -> String? {
        let words = line.split(separator: " ", omittingEmptySubsequences: true)
        if words.first == "watch" { return watch(devices: words.dropFirst().map(String.init), connection: connection) }
        return control(line)
    }

    /// Rewrites `verb DEVICE rest…` to the device's bus as `verb UNIT rest…`.
    func forward(_ verb: Substring, device id: String, rest: ArraySlice<Substring>) -> String {
        guard let placement = placements[id], let bus = buses[placement.bus] else { return unknownDevice(id) }
        let reply = bus.control(([verb, Substring(String(placement.unit))] + rest).joined(separator: " "))
        log.record()
        return reply
    }

    private func fire(_ words: [Substring]) -> String {
        guard words.count == 2, words[1] == "on" || words[1] == "off" else { return "error usage: fire on|off" }
        guard let alarm = station.fire?.alarm else { return "error the station file has no fire: alarm point" }
        return forward("set", device: alarm.device, rest: [Substring(alarm.point), words[1] == "on" ? "true" : "false"])
    }

    private func door(_ words: [Substring]) -> String {
        let actions: Set<Substring> = ["open", "close", "force", "unlock"]
        guard words.count == 3, actions.contains(words[2]) else { return "error usage: door DOOR open|close|force|unlock" }
        guard let door = station.door(id: String(words[1])) else {
            return "error no door '\(words[1])' (doors: \(station.doors.map(\.id).joined(separator: ", ")))"
        }
        if words[2] == "unlock" { return forward("command", device: door.device, rest: [Substring(door.unlockCommand)]) }
        return forward(words[2], device: door.device, rest: [])
    }

    func unknownDevice(_ id: String) -> String {
        "error no device '\(id)' in station \(station.id) (devices: \(station.devices.map(\.id).joined(separator: ", ")))"
    }
}
