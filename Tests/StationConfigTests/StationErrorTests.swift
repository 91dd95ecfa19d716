import Testing

/// Each class of station-file mistake is refused with `file:line:column: field: message`, at the
/// place the technician has to change, and without follow-on errors.
struct StationErrorTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let testDescription: String
        let replacements: [(String, String)]
        /// Every expected error line, in order.
        let expected: [String]

        init(_ description: String, _ replacements: [(String, String)], _ expected: String...) {
            testDescription = description
            self.replacements = replacements
            self.expected = expected
        }
    }

    static let structure: [Case] = [
        Case(
            "unknown top-level key", [("simulation: true", "simulaton: true")],
            "station.yaml:6:1: simulaton: unknown key 'simulaton' (station file version 1 allows: version, station, "
                + "buses, devices, zones, simulation, journal, privacy, doors, recorders, fire, officers, roster, rules, api)"),
        Case(
            "missing required key", [("    kind: holding\n", "")],
            "station.yaml:26:5: zones.holding-1.kind: missing required key 'kind'"),
        Case(
            "unsupported version", [("version: 1", "version: 2")],
            "station.yaml:1:10: version: expected station file version 1, got 2"),
        Case(
            "duplicate device id", [("id: reader-interview, profile", "id: reader-duty, profile")],
            "station.yaml:21:10: devices.reader-duty: duplicate id 'reader-duty' (first at line 20)",
            "station.yaml:33:62: zones.interview-1.readers: no device with id 'reader-interview'"),
        Case(
            "reserved zone id", [("id: duty, name", "id: outside, name"), ("watch_post: duty", "watch_post: outside")],
            "station.yaml:34:10: zones.outside: 'outside' is reserved for the world beyond the area's doors"),
        Case(
            "YAML syntax", [("zones:\n", "zones:\n  - [\n")],
            "station.yaml:26:3: yaml: not valid YAML: while parsing a flow node did not find expected node content"),
    ]

    static let devices: [Case] = [
        Case(
            "unknown profile", [("profile: xy-md02", "profile: xy-md03")],
            "station.yaml:23:36: devices.climate-holding.profile: unknown profile 'xy-md03' (loaded profiles: "
                + "door-controller-tcp, fire-panel-monitor, inveo-rfid-mif, senseair-s8, waveshare-relay-8ch-door, xy-md02)"),
        Case(
            "profile lacks the bus's transport", [("bus: entrance, unit: 1", "bus: doors, unit: 9")],
            "station.yaml:16:60: devices.lock-entrance.bus: profile 'door-controller-tcp' offers tcp only, but bus 'doors' is rtu"),
        Case(
            "RTU unit out of range", [("bus: field, unit: 2}", "bus: field, unit: 0}")],
            "station.yaml:18:70: devices.reader-entrance.unit: expected a unit id in 1…247 on an RTU bus, got 0"),
        Case(
            "TCP unit out of range", [("bus: entrance, unit: 1", "bus: entrance, unit: 250")],
            "station.yaml:16:76: devices.lock-entrance.unit: expected a unit id in 0…247 or 255 on a TCP bus, got 250"),
        Case(
            "unit used twice on one bus", [("unit: 3", "unit: 2")],
            "station.yaml:19:69: devices.reader-holding.unit: unit 2 on bus 'field' is already device 'reader-entrance'"),
        Case(
            "dangling bus", [("bus: field, unit: 4", "bus: fild, unit: 4")],
            "station.yaml:20:53: devices.reader-duty.bus: no bus with id 'fild'"),
        Case(
            "device zone disagrees with the zone listing it", [("bus: field, unit: 1}", "bus: field, unit: 1, zone: entrance}")],
            "station.yaml:23:72: devices.climate-holding.zone: zone 'entrance' disagrees with zone 'holding-1', which lists this device"),
    ]

    static let buses: [Case] = [
        Case(
            "baud libmodbus does not support", [("line: 9600-8N1", "line: 14400-8N1")],
            "station.yaml:9:79: buses.doors.rtu.line: baud 14400 is not supported (libmodbus would silently use 9600); "
                + "use one of 1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200"),
        Case(
            "parity", [("line: 9600-8N1", "line: 9600-8X1")],
            "station.yaml:9:79: buses.doors.rtu.line: expected a line like 9600-8N1 or 19200-8E1, got '9600-8X1'"),
        Case(
            "data bits", [("line: 9600-8N1", "line: 9600-7N1")],
            "station.yaml:9:79: buses.doors.rtu.line: Modbus RTU uses 8 data bits, got 7"),
        Case(
            "stop bits", [("line: 9600-8N1", "line: {baud: 9600, parity: E, stop_bits: 3}")],
            "station.yaml:9:114: buses.doors.rtu.line: expected 1 or 2 stop bits, got 3"),
        Case(
            "malformed TCP endpoint", [("tcp: 127.0.0.1:1502", "tcp: 127.0.0.1")],
            "station.yaml:14:10: buses.entrance.tcp: expected HOST:PORT (or [IPV6]:PORT) with a port 1–65535, got '127.0.0.1'"),
        Case(
            "serial port shared by two buses",
            [("tcp: 127.0.0.1:1502", "rtu: {port: /dev/serial/by-path/pci-0000:00:14.0-usb-0:2:1.0-port0}"),
             ("door-controller-tcp, bus: entrance", "door-controller-tcp, bus: entrance-x")],
            "station.yaml:14:17: buses.entrance.rtu.port: port '/dev/serial/by-path/pci-0000:00:14.0-usb-0:2:1.0-port0' is also bus 'doors'",
            "station.yaml:16:60: devices.lock-entrance.bus: no bus with id 'entrance-x'"),
        Case(
            "bad udev match", [("vendor_id: \"1a86\"", "vendor_id: \"CH340\"")],
            "station.yaml:12:26: buses.field.rtu.match.vendor_id: expected 4 hex digits as udev shows them (e.g. 0403), got 'CH340'"),
    ]

    static let zones: [Case] = [
        Case(
            "reader in the zone is not a reader", [("readers: [reader-entrance]", "readers: [fire-monitor]")],
            "station.yaml:25:56: zones.entrance.readers: device 'fire-monitor' is a smoke-monitor (profile fire-panel-monitor); "
                + "a reader must be a reader device"),
        Case(
            "dangling reader", [("readers: [reader-entrance]", "readers: [reader-entrence]")],
            "station.yaml:25:56: zones.entrance.readers: no device with id 'reader-entrence'"),
        Case(
            "reader in two zones", [("readers: [reader-duty]", "readers: [reader-duty, reader-entrance]")],
            "station.yaml:34:67: zones.duty.readers: device 'reader-entrance' is already in zone 'entrance' (line 25)"),
        Case(
            "holding room without a watch post", [("    watch_post: duty\n", "")],
            "station.yaml:26:5: zones.holding-1: holding room has no watch_post (SUP-03 needs the duty post that watches it)"),
        Case(
            "watch post that is not a duty post", [("watch_post: duty", "watch_post: entrance")],
            "station.yaml:30:17: zones.holding-1.watch_post: zone 'entrance' is entrance, not a duty-post"),
        Case(
            "capacity above the floor area", [("    area_m2: 8", "    capacity: 2\n    area_m2: 8")],
            "station.yaml:29:15: zones.holding-1.capacity: capacity 2 exceeds floor(8 m² / 6 m²) = 1 (OCC-01)"),
        Case(
            "default capacity above a small room's area", [("area_m2: 8", "area_m2: 5")],
            "station.yaml:29:14: zones.holding-1.capacity: capacity 1 exceeds floor(5 m² / 6 m²) = 0 (OCC-01)"),
        Case(
            "interview room without a recorder",
            [(", recorder: rec-1", ""), ("recorders:\n  - {id: rec-1, room: interview-1, source: api}\n", "")],
            "station.yaml:33:5: zones.interview-1: interview room has no recorder (REC-01 needs one; 'source: api' if the "
                + "recorder reports itself)"),
        Case(
            "recorder in a room that is not an interview room", [("room: interview-1", "room: holding-1")],
            "station.yaml:39:23: recorders.rec-1.room: zone 'holding-1' is holding, not an interview room"),
        Case(
            "recorder point that is not bool", [("source: api", "source: {device: reader-interview, point: tag_id}")],
            "station.yaml:39:78: recorders.rec-1.source.point: point 'tag_id' of profile 'inveo-rfid-mif' is string(10), not bool"),
        Case(
            "fire alarm on a non-monitor device", [("device: fire-monitor, point", "device: reader-duty, point")],
            "station.yaml:41:19: fire.alarm.device: device 'reader-duty' is a reader (profile inveo-rfid-mif); the fire alarm "
                + "must be a smoke-monitor or io device"),
    ]

    static let doors: [Case] = [
        Case(
            "door reader that is not a reader", [("device: lock-holding}", "device: lock-holding, readers: [climate-holding]}")],
            "station.yaml:37:88: doors.door-holding.readers: device 'climate-holding' is a environment (profile xy-md02); "
                + "a door's reader must be a reader device"),
        Case(
            "door reader that does not exist", [("device: lock-holding}", "device: lock-holding, readers: [reader-hall]}")],
            "station.yaml:37:88: doors.door-holding.readers: no device with id 'reader-hall'"),
        Case(
            "lock device that is not a door controller", [("device: lock-holding}", "device: reader-holding}")],
            "station.yaml:37:64: doors.door-holding.device: device 'reader-holding' is a reader (profile inveo-rfid-mif); "
                + "a door's lock must be a door device"),
        Case(
            "door without its lock device", [(", device: lock-holding}", "}")],
            "station.yaml:37:5: doors.door-holding.device: missing required key 'device'"),
        Case(
            "lock device used by two doors", [("device: lock-holding}", "device: lock-entrance}")],
            "station.yaml:37:64: doors.door-holding.device: device 'lock-entrance' already locks door 'door-entrance' (line 36)"),
        Case(
            "unknown unlock command", [("device: lock-holding}", "device: lock-holding, unlock: open}")],
            "station.yaml:37:86: doors.door-holding.unlock: profile 'waveshare-relay-8ch-door' has no command 'open' "
                + "(it has: unlock, lock_now)"),
        Case(
            "unlock command that is not a pulse", [("device: lock-holding}", "device: lock-holding, unlock: lock_now}")],
            "station.yaml:37:86: doors.door-holding.unlock: command 'lock_now' of profile 'waveshare-relay-8ch-door' is not "
                + "an unlock pulse timed by the device"),
        Case(
            "position point not bool", [("device: lock-holding}", "device: lock-holding, position: firmware_version}")],
            "station.yaml:37:88: doors.door-holding.position: point 'firmware_version' of profile 'waveshare-relay-8ch-door' "
                + "is uint16, not bool"),
        Case(
            "unknown bond point", [("device: lock-holding}", "device: lock-holding, bond: bond}")],
            "station.yaml:37:84: doors.door-holding.bond: profile 'waveshare-relay-8ch-door' has no point 'bond' "
                + "(its bool points: release_relay, door_closed, bond_sensor, request_to_exit)"),
        Case(
            "dangling zone", [("between: [entrance, holding-1]", "between: [entrance, holding-9]")],
            "station.yaml:37:44: doors.door-holding.between: no zone with id 'holding-9'"),
        Case(
            "door joining a zone to itself", [("between: [entrance, holding-1]", "between: [entrance, entrance]")],
            "station.yaml:37:44: doors.door-holding.between: a door joins two different zones, got 'entrance' twice"),
    ]

    static let people: [Case] = [
        Case(
            "unknown time zone", [("Asia/Shanghai", "Asia/Shangai")],
            "station.yaml:4:14: station.time_zone: unknown time zone 'Asia/Shangai' (expected an IANA name such as Asia/Shanghai)"),
        Case(
            "offset that does not match the zone", [("\"+08:00\"", "\"+09:00\"")],
            "station.yaml:5:15: station.utc_offset: Asia/Shanghai is at +08:00, not +09:00"),
        Case(
            "malformed offset", [("\"+08:00\"", "\"8\"")],
            "station.yaml:5:15: station.utc_offset: expected an offset like +08:00, got '8'"),
        Case(
            "tag used twice", [("tag: 0A1B2C02", "tag: 0a1b2c01")],
            "station.yaml:44:46: officers.1002.tag: tag 0A1B2C01 is already officer '1001' (line 43)"),
        Case(
            "tag that is not hex", [("tag: 0A1B2C02", "tag: Z1")],
            "station.yaml:44:46: officers.1002.tag: expected a tag id of 4 to 32 hex digits as the readers report it, got 'Z1'"),
        Case(
            "sex", [("sex: female", "sex: f")],
            "station.yaml:44:33: officers.1002.sex: expected one of male, female, got 'f'"),
        Case(
            "token in clear", [("sha256: 2d03eb454767ba244cf4c2c61fa06733ab69e4406ede3a873d6cef1b981192e0", "sha256: hunter2")],
            "station.yaml:51:46: api.tokens.dash.sha256: expected the token's SHA-256 as 64 hex digits "
                + "(printf %s TOKEN | sha256sum), never the token itself"),
        Case(
            "TCP listener without tokens",
            [("  tokens:\n    - {name: dash, role: supervisor, sha256: 2d03eb454767ba244cf4c2c61fa06733ab69e4406ede3a873d6cef1b981192e0}",
              "  tcp: {listen: \"0.0.0.0:8443\"}")],
            "station.yaml:50:8: api.tcp: a TCP listener needs at least one token (api.tokens); nobody could sign in"),
        Case(
            "relative socket path", [("unix_socket: /run/custodyd/api.sock", "unix_socket: api.sock")],
            "station.yaml:49:16: api.unix_socket: expected an absolute path, got 'api.sock'"),
    ]

    @Test(arguments: structure + devices + buses)
    func structureDevicesAndBuses(_ item: Case) throws {
        #expect(try StationFixtures.errors(StationFixtures.station(item.replacements)) == item.expected)
    }

    @Test(arguments: zones + doors)
    func zonesAndDoors(_ item: Case) throws {
        #expect(try StationFixtures.errors(StationFixtures.station(item.replacements)) == item.expected)
    }

    @Test(arguments: people)
    func timeOfficersAndAPI(_ item: Case) throws {
        #expect(try StationFixtures.errors(StationFixtures.station(item.replacements)) == item.expected)
    }
}
