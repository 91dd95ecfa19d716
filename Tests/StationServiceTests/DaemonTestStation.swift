import CustodyCore
import DeviceProfiles
import Foundation
import Journal
import Logging
import Modbus
import Simulator
import StationConfig
import StationService
import Synchronization
import Testing

/// A whole simulated station for the daemon's end-to-end tests: door relays, wristband readers, a CO₂
/// sensor and the fire-panel monitor on an RS-485 line served on a pseudo-terminal, the entrance door
/// controller on Modbus/TCP (port 0), and the real daemon — station file, journal, field buses, loop and
/// API — run against them in a temporary directory.
final class DaemonTestStation: Sendable {
    /// Unit ids on the RS-485 line.
    enum Unit {
        static let lockHolding = 1, lockInterview = 2
        static let readerEntrance = 11, readerCorridor = 12, readerHolding = 13, readerInterview = 14, readerDuty = 15
        static let readerExit = 16, co2Holding = 21, fire = 40
    }

    /// Waits for a child process off the cooperative pool.
    static func exit(of process: Process) async -> Int32 {
        await withCheckedContinuation { continuation in
            Thread {
                process.waitUntilExit()
                continuation.resume(returning: process.terminationStatus)
            }.start()
        }
    }

    static let officerTags = ["o1": "0A1B2C01", "o2": "0A1B2C02"]

    let directory: URL
    let rs485: SimulatedBus
    let entrance: SimulatedBus
    let writes: WriteLog
    private let rtuServer: ModbusRTUServer
    private let tcpServer: ModbusTCPServer
    let stationFile: String
    private let daemonBox = Mutex<StationDaemon?>(nil)
    /// The daemon's TCP API port (bound to port 0), with the bearer tokens of `APITestStation.tokens`.
    private let tcpPortBox = Mutex<Int?>(nil)

    var daemon: StationDaemon { daemonBox.withLock { $0! } }
    var socketPath: String { directory.appendingPathComponent("api.sock").path }
    var journalPath: String { directory.appendingPathComponent("journal.db").path }

    static let profiles: ProfileLibrary = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try! ProfileLibrary.load(directory: root.appendingPathComponent("devices").path)
    }()

    /// The built `custodyd` executable beside the test bundle.
    static var daemonExecutable: URL? {
        let base = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        return [base, base.deletingLastPathComponent()]
            .map { $0.appendingPathComponent("custodyd") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// The repository's device profiles.
    static var profilesDirectory: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("devices").path
    }

    /// Starts the simulators only; the test runs the daemon itself (as a child process).
    static func simulatorsOnly(_ body: (DaemonTestStation) async throws -> Void) async throws {
        let station = try DaemonTestStation()
        defer { station.tearDown() }
        try await body(station)
    }

    /// `custodyd run` on the station file as a child process, its standard error collected in `log`.
    func launchDaemon(_ arguments: [String] = [], log: URL) throws -> Process {
        let executable = try #require(Self.daemonExecutable, "build it first: swift build --product custodyd")
        let process = Process()
        process.executableURL = executable
        process.arguments = ["run", "--config", stationFile, "--profiles", Self.profilesDirectory] + arguments
        process.environment = ProcessInfo.processInfo.environment.merging(["E2E_DIR": directory.path]) { _, new in new }
        try #require(FileManager.default.createFile(atPath: log.path, contents: nil), "cannot create \(log.path)")
        process.standardError = try FileHandle(forWritingTo: log)
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Waits (off the cooperative pool) until the API socket answers.
    func waitForAPI(timeout: Duration = .seconds(20)) async throws {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let reply = try? await local.get("/v1/status"), reply.status == 200 { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw DaemonTestError("the daemon's API did not come up at \(socketPath)")
    }

    private init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("custodyd-e2e-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let profiles = Self.profiles
        func device(_ profile: String, _ unit: Int) throws -> SimulatedDevice {
            try SimulatedDevice(profile: profiles.profile(id: profile)!, unit: unit)
        }
        rs485 = try SimulatedBus(devices: [
            try device("waveshare-relay-8ch-door", Unit.lockHolding), try device("waveshare-relay-8ch-door", Unit.lockInterview),
            try device("inveo-rfid-mif", Unit.readerEntrance), try device("inveo-rfid-mif", Unit.readerCorridor),
            try device("inveo-rfid-mif", Unit.readerHolding), try device("inveo-rfid-mif", Unit.readerInterview),
            try device("inveo-rfid-mif", Unit.readerDuty), try device("inveo-rfid-mif", Unit.readerExit),
            try device("senseair-s8", Unit.co2Holding), try device("fire-panel-monitor", Unit.fire),
        ])
        entrance = try SimulatedBus(devices: [try device("door-controller-tcp", 1)])
        writes = WriteLog()
        let log = writes
        rtuServer = try ModbusRTUServer(behavior: WriteObservingBus(rs485) { request, at in
            log.record(.init(bus: "rs485", unit: request.unit, functionCode: request.functionCode, address: request.address, at: at))
        })
        tcpServer = try ModbusTCPServer(behavior: WriteObservingBus(entrance) { request, at in
            log.record(.init(bus: "entrance-tcp", unit: request.unit, functionCode: request.functionCode, address: request.address, at: at))
        })
        let link = directory.appendingPathComponent("tty-bus").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: rtuServer.terminal.path)
        stationFile = directory.appendingPathComponent("station.yaml").path
        try Self.stationYAML(directory: directory.path, tcpPort: tcpServer.port).write(toFile: stationFile, atomically: true, encoding: .utf8)
        // The sensor starts in fresh air, and every reader's power-on flag is already acknowledged.
        _ = rs485.control("set \(Unit.co2Holding) co2 600")
    }

    /// Starts the simulators and the daemon, runs `body`, then stops everything and removes the directory.
    static func with(timeScale: Double? = nil, _ body: (DaemonTestStation) async throws -> Void) async throws {
        let station = try DaemonTestStation()
        defer { station.tearDown() }
        try await station.startDaemon(timeScale: timeScale)
        do {
            try await body(station)
        } catch {
            await station.stopDaemon()
            throw error
        }
        await station.stopDaemon()
    }

    /// Starts a daemon on the station file (again, after `stopDaemon`, to test a restart).
    func startDaemon(timeScale: Double? = nil) async throws {
        let (station, _) = try Station.load(file: stationFile, profiles: Self.profiles, environment: ["E2E_DIR": directory.path])
        var logger = Logger(label: "custodyd.e2e")
        logger.logLevel = .error
        let daemon = try StationDaemon(
            .init(station: station, profiles: Self.profiles, timeScale: timeScale, tcpListen: "127.0.0.1:0"), logger: logger)
        daemonBox.withLock { $0 = daemon }
        let port = try await daemon.start()
        tcpPortBox.withLock { $0 = port }
    }

    func stopDaemon() async {
        guard let daemon = daemonBox.withLock({ $0 }) else { return }
        await daemon.stop()
    }

    private func tearDown() {
        rtuServer.stop()
        tcpServer.stop()
        rs485.stop()
        entrance.stop()
        try? FileManager.default.removeItem(at: directory)
    }

    /// Runs one simulator control command on the RS-485 line and requires `ok`.
    func control(_ line: String, on bus: SimulatedBus? = nil) {
        let reply = (bus ?? rs485).control(line)
        #expect(reply.hasPrefix("ok"), "\(line): \(reply)")
    }

    /// A wristband or officer's tag read at a reader.
    func read(tag: String, at unit: Int) { control("tag \(unit) \(tag)") }

    /// An API client on the daemon's Unix socket.
    var local: APITestClient { APITestClient(endpoint: .unix(socketPath)) }

    /// An API client on the daemon's TCP listener with `role`'s bearer token (none for `nil`).
    func tcp(_ role: APIRole?) -> APITestClient {
        APITestClient(endpoint: .tcp(tcpPortBox.withLock { $0 } ?? 0), token: role.flatMap { APITestStation.tokens[$0] })
    }

    /// Waits until `condition` holds over the engine's state, checking after each applied input.
    func until(_ what: String, timeout: Duration = .seconds(15), _ condition: @escaping @Sendable (CustodyEngine) -> Bool) async throws {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if await daemon.loop.read(condition) { return }
            try await Task.sleep(for: .milliseconds(10))
        }
        Issue.record("timed out waiting for \(what)")
        throw DaemonTestError("timed out waiting for \(what)")
    }

    /// Waits for an event on the daemon's event stream matching `match`; `subscription` must be taken first.
    func next(
        _ what: String, in subscription: EventSubscription, timeout: Duration = .seconds(15),
        where match: @escaping @Sendable (StationEvent) -> Bool
    ) async throws -> StationEvent {
        try await withThrowingTaskGroup(of: StationEvent?.self) { group in
            group.addTask {
                while let event = await subscription.next() { if match(event) { return event } }
                return nil
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                return nil
            }
            let first = try await group.next() ?? nil
            group.cancelAll()
            subscription.cancel()
            guard let first else {
                Issue.record("timed out waiting for \(what)")
                throw DaemonTestError("timed out waiting for \(what)")
            }
            return first
        }
    }

    static func stationYAML(directory: String, tcpPort: Int) -> String {
        """
        version: 1
        station: {id: e2e-station, name: E2E, time_zone: Asia/Shanghai, utc_offset: "+08:00"}
        simulation: true
        journal: {path: "${E2E_DIR}/journal.db"}
        privacy: {id_hash_key_file: "${E2E_DIR}/id.key"}
        buses:
          - {id: rs485, rtu: {port: "${E2E_DIR}/tty-bus", line: 9600-8N1}}
          - {id: entrance-tcp, tcp: "127.0.0.1:\(tcpPort)"}
        devices:
          - {id: lock-entrance, profile: door-controller-tcp, bus: entrance-tcp, unit: 1}
          - {id: lock-holding, profile: waveshare-relay-8ch-door, bus: rs485, unit: \(Unit.lockHolding)}
          - {id: lock-interview, profile: waveshare-relay-8ch-door, bus: rs485, unit: \(Unit.lockInterview)}
          - {id: reader-entrance, profile: inveo-rfid-mif, bus: rs485, unit: \(Unit.readerEntrance)}
          - {id: reader-corridor, profile: inveo-rfid-mif, bus: rs485, unit: \(Unit.readerCorridor)}
          - {id: reader-holding, profile: inveo-rfid-mif, bus: rs485, unit: \(Unit.readerHolding)}
          - {id: reader-interview, profile: inveo-rfid-mif, bus: rs485, unit: \(Unit.readerInterview)}
          - {id: reader-duty, profile: inveo-rfid-mif, bus: rs485, unit: \(Unit.readerDuty)}
          - {id: reader-exit, profile: inveo-rfid-mif, bus: rs485, unit: \(Unit.readerExit)}
          - {id: fire-monitor, profile: fire-panel-monitor, bus: rs485, unit: \(Unit.fire), zone: duty}
          - {id: co2-holding, profile: senseair-s8, bus: rs485, unit: \(Unit.co2Holding)}
        zones:
          - {id: entrance, kind: entrance, readers: [reader-entrance]}
          - {id: corridor, kind: corridor, readers: [reader-corridor]}
          - {id: holding-1, kind: holding, capacity: 1, area_m2: 8, watch_post: duty, readers: [reader-holding], sensors: [co2-holding]}
          - {id: interview-1, kind: interview, area_m2: 15, readers: [reader-interview]}
          - {id: duty, kind: duty-post, readers: [reader-duty]}
          - {id: exit, kind: exit, readers: [reader-exit]}
        doors:
          - {id: door-entrance, between: [outside, entrance], device: lock-entrance, readers: [reader-entrance]}
          - {id: door-holding, between: [corridor, holding-1], device: lock-holding, readers: [reader-corridor]}
          - {id: door-interview, between: [corridor, interview-1], device: lock-interview, readers: [reader-interview]}
        recorders:
          - {id: rec-interview-1, room: interview-1, source: {device: reader-interview, point: input_1}}
        fire:
          alarm: {device: fire-monitor, point: fire_alarm}
          release_confirmed: {device: fire-monitor, point: door_release_confirmed}
        officers:
          - {id: o1, name: Wang, sex: male, tag: \(officerTags["o1"]!)}
          - {id: o2, name: Li, sex: female, tag: \(officerTags["o2"]!)}
        api:
          unix_socket: "${E2E_DIR}/api.sock"
          tokens:
        \(APITestStation.tokens.sorted { $0.key.rawValue < $1.key.rawValue }.map { role, token in
            "    - {name: t-\(role.rawValue), role: \(role.rawValue), sha256: \(APIRole.tokenHash(token))}"
        }.joined(separator: "\n"))
        """
    }
}

struct DaemonTestError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Every write the simulated devices receive, with when it arrived, so a test can await a door command.
final class WriteLog: Sendable {
    struct Write: Sendable {
        var bus: String
        var unit: Int
        var functionCode: UInt8
        var address: Int
        var at: ContinuousClock.Instant
    }

    private let state = Mutex<(writes: [Write], waiters: [(UUID, @Sendable (Write) -> Bool, CheckedContinuation<Write?, Never>)])>(([], []))

    func record(_ write: Write) {
        let ready = state.withLock { state in
            state.writes.append(write)
            let matched = state.waiters.filter { $0.1(write) }
            state.waiters.removeAll { waiter in matched.contains { $0.0 == waiter.0 } }
            return matched.map(\.2)
        }
        for continuation in ready { continuation.resume(returning: write) }
    }

    var all: [Write] { state.withLock { $0.writes } }

    /// The first write (already logged or still to come) for which `match` holds, or nil after `timeout`.
    func first(timeout: Duration = .seconds(10), where match: @escaping @Sendable (Write) -> Bool) async -> Write? {
        let id = UUID()
        return await withCheckedContinuation { continuation in
            let done: Write? = state.withLock { state in
                if let found = state.writes.first(where: match) { return found }
                state.waiters.append((id, match, continuation))
                return nil
            }
            if let done { return continuation.resume(returning: done) }
            Thread {
                Thread.sleep(forTimeInterval: Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18)
                let expired = self.state.withLock { state -> CheckedContinuation<Write?, Never>? in
                    guard let index = state.waiters.firstIndex(where: { $0.0 == id }) else { return nil }
                    return state.waiters.remove(at: index).2
                }
                expired?.resume(returning: nil)
            }.start()
        }
    }
}
