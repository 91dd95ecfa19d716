internal import DeviceProfiles

extension Station {
    /// A few lines for a technician: counts, then one line per bus; what `custodyd check-config`
    /// prints and the daemon logs at start.
    public var summaryLines: [String] {
        var lines = [
            "station \(id) (\(name)), \(timeZone.identifier) \(timeZone.offsetText)\(simulation ? ", simulation" : "")",
            "\(zones.count) zones, \(doors.count) doors, \(devices.count) devices on \(buses.count) buses, "
                + "\(officers.count) officers, \(recorders.count) recorders, \(rules.entries.count) rule overrides",
        ]
        let kinds = ZoneKind.allCases.compactMap { kind -> String? in
            let count = zones.filter { $0.kind == kind }.count
            return count == 0 ? nil : "\(count) \(kind.rawValue)"
        }
        lines.append("zones: " + kinds.joined(separator: ", "))
        for bus in buses {
            let count = devices(onBus: bus.id).count
            switch bus.link {
            case .rtu(let port, let line):
                let format = "\(line.baud)-\(line.dataBits)\(line.parity.rawValue)\(line.stopBits)"
                lines.append("bus \(bus.id): rtu \(port) \(format), \(count) devices")
            case .tcp(let host, let port):
                lines.append("bus \(bus.id): tcp \(host.contains(":") ? "[\(host)]" : host):\(port), \(count) devices")
            }
        }
        var api = "api: unix \(self.api.unixSocket)"
        if let listen = self.api.tcpListen { api += ", tcp \(listen)" }
        lines.append(api + ", \(self.api.tokens.count) tokens")
        return lines
    }
}
