internal import DeviceProfiles
internal import Yams

/// A bus as read, before its line settings are settled from the devices on it.
struct ParsedBus {
    var id: String
    var port: SerialPortSelector?
    var line: SerialSettings?
    var tcp: (host: String, port: Int)?
    var node: Node
    var path: String
    var transport: Transport { tcp == nil ? .rtu : .tcp }
}

extension StationParser {
    func parseBuses(_ node: Node?) {
        var ports: [String: String] = [:]
        var endpoints: [String: String] = [:]
        for item in items(node, "buses") {
            item.map.checkKeys(required: ["id"], optional: ["rtu", "tcp", "note"], diagnostics: diagnostics)
            _ = read.string(item.map["note"], item.map.field("note"))
            var bus = ParsedBus(id: item.id, node: item.map.node, path: item.path)
            switch (item.map["rtu"], item.map["tcp"]) {
            case (let rtu?, nil):
                guard let parsed = parseRTU(rtu, path: item.map.field("rtu")) else { continue }
                bus.port = parsed.port
                bus.line = parsed.line
                if case .path(let path) = parsed.port {
                    if let other = ports[path] {
                        diagnostics.report(rtu.mapping?["port"], item.map.field("rtu.port"), "port '\(path)' is also bus '\(other)'")
                    }
                    ports[path] = item.id
                }
            case (nil, let tcp?):
                guard let endpoint = parseEndpoint(tcp, item.map.field("tcp")) else { continue }
                let key = "\(endpoint.host):\(endpoint.port)"
                if let other = endpoints[key] {
                    diagnostics.report(
                        tcp, item.map.field("tcp"),
                        "endpoint \(key) is also bus '\(other)' (one connection per endpoint: put its devices on one bus)")
                }
                endpoints[key] = item.id
                bus.tcp = endpoint
            case (_?, _?):
                diagnostics.report(item.map.node, item.path, "give either rtu or tcp, not both")
                continue
            case (nil, nil):
                diagnostics.report(item.map.node, item.path, "missing 'rtu' (a serial port) or 'tcp' (HOST:PORT)")
                continue
            }
            buses[item.id] = bus
            busOrder.append(item.id)
        }
    }

    private func parseRTU(_ node: Node, path: String) -> (port: SerialPortSelector, line: SerialSettings?)? {
        guard let map = MappingView(node, path: path, diagnostics: diagnostics) else { return nil }
        map.checkKeys(required: [], optional: ["port", "match", "line"], diagnostics: diagnostics)
        let line = map["line"].flatMap { parseLine($0, map.field("line")) }
        let lineFailed = map["line"] != nil && line == nil
        var port: SerialPortSelector?
        switch (map["port"], map["match"]) {
        case (let node?, nil):
            guard let text = absolutePath(node, map.field("port")) else { return nil }
            if text.hasPrefix("/dev/ttyUSB") || text.hasPrefix("/dev/ttyACM") {
                diagnostics.warn(
                    node, map.field("port"),
                    "\(text) changes with plug order; name the adapter by its /dev/serial/by-path/… link or a match")
            }
            port = .path(text)
        case (nil, let node?):
            port = parseMatch(node, map.field("match"))
        case (_?, _?):
            diagnostics.report(node, path, "give either port or match, not both")
        case (nil, nil):
            diagnostics.report(node, path, "missing 'port' (a device path) or 'match' (vendor_id, model_id, serial)")
        }
        guard let port, !lineFailed else { return nil }
        return (port, line)
    }

    private func parseMatch(_ node: Node, _ path: String) -> SerialPortSelector? {
        guard let map = MappingView(node, path: path, diagnostics: diagnostics) else { return nil }
        map.checkKeys(required: [], optional: ["vendor_id", "model_id", "serial"], diagnostics: diagnostics)
        func usbID(_ key: String) -> String? {
            guard let text = read.string(map[key], map.field(key)) else { return nil }
            guard text.count == 4, text.allSatisfy(\.isHexDigit) else {
                diagnostics.report(map[key], map.field(key), "expected 4 hex digits as udev shows them (e.g. 0403), got '\(text)'")
                return nil
            }
            return text.lowercased()
        }
        let vendor = usbID("vendor_id"), model = usbID("model_id")
        let serial = read.string(map["serial"], map.field("serial"))
        guard vendor != nil || model != nil || serial != nil else {
            if map["vendor_id"] == nil, map["model_id"] == nil, map["serial"] == nil {
                diagnostics.report(node, path, "a match needs at least one of vendor_id, model_id, serial")
            }
            return nil
        }
        return .match(vendorID: vendor, modelID: model, serial: serial)
    }

    /// `9600-8N1`, or `{baud, parity, data_bits, stop_bits}`.
    func parseLine(_ node: Node, _ field: String) -> SerialSettings? {
        var baud: Int?, parity: SerialSettings.Parity?, dataBits: Int?, stopBits: Int?
        var nodes: (baud: Node?, data: Node?, stop: Node?) = (node, node, node)
        if let text = node.scalar?.string {
            let parts = text.split(separator: "-")
            let format = parts.count == 2 ? Array(parts[1]) : []
            guard parts.count == 2, let rate = Int(parts[0]), format.count == 3, let data = Int(String(format[0])),
                let bits = SerialSettings.Parity(rawValue: String(format[1]).uppercased()), let stop = Int(String(format[2]))
            else {
                diagnostics.report(node, field, "expected a line like 9600-8N1 or 19200-8E1, got '\(text)'")
                return nil
            }
            (baud, parity, dataBits, stopBits) = (rate, bits, data, stop)
        } else {
            guard let map = MappingView(node, path: field, diagnostics: diagnostics) else { return nil }
            map.checkKeys(required: ["baud"], optional: ["parity", "data_bits", "stop_bits"], diagnostics: diagnostics)
            baud = read.integer(map["baud"], map.field("baud"))
            parity = map["parity"] == nil ? SerialSettings.Parity.none : read.choice(map["parity"], map.field("parity"), as: SerialSettings.Parity.self)
            dataBits = map["data_bits"] == nil ? 8 : read.integer(map["data_bits"], map.field("data_bits"))
            stopBits = map["stop_bits"] == nil ? 1 : read.integer(map["stop_bits"], map.field("stop_bits"))
            nodes = (map["baud"], map["data_bits"] ?? node, map["stop_bits"] ?? node)
        }
        guard let baud, let parity, let dataBits, let stopBits else { return nil }
        var valid = true
        if !SerialSettings.supportedBauds.contains(baud) {
            diagnostics.report(nodes.baud, field, "baud \(baud) is not supported (libmodbus would silently use 9600); use one of 1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200")
            valid = false
        }
        if dataBits != 8 {
            diagnostics.report(nodes.data, field, "Modbus RTU uses 8 data bits, got \(dataBits)")
            valid = false
        }
        if stopBits != 1, stopBits != 2 {
            diagnostics.report(nodes.stop, field, "expected 1 or 2 stop bits, got \(stopBits)")
            valid = false
        }
        return valid ? SerialSettings(baud: baud, parity: parity, dataBits: dataBits, stopBits: stopBits) : nil
    }

    /// `HOST:PORT` or `[IPV6]:PORT`, port 1–65535.
    func parseEndpoint(_ node: Node, _ field: String) -> (host: String, port: Int)? {
        guard let text = read.string(node, field) else { return nil }
        var host = Substring(text), portText = Substring("")
        if host.hasPrefix("["), let close = host.firstIndex(of: "]"), host[close...].hasPrefix("]:") {
            portText = host[host.index(close, offsetBy: 2)...]
            host = host[host.index(after: host.startIndex)..<close]
        } else if let colon = host.lastIndex(of: ":"), !host[..<colon].contains(":") {
            portText = host[host.index(after: colon)...]
            host = host[..<colon]
        }
        let hostValid = !host.isEmpty && host.allSatisfy { $0.isLetter || $0.isNumber || ".-:".contains($0) }
        guard hostValid, let port = Int(portText), (1...65535).contains(port) else {
            diagnostics.report(node, field, "expected HOST:PORT (or [IPV6]:PORT) with a port 1–65535, got '\(text)'")
            return nil
        }
        return (String(host), port)
    }
}
