import CustodyCore
import CustodyRecording
public import DeviceProfiles
public import FieldBus
import Foundation
import Journal
public import Logging
public import StationConfig
import Synchronization

/// The station daemon put together: the journal replayed into the core, the field buses feeding the
/// event loop, door effects sent back to the buses, the API, and systemd's notify and watchdog.
///
/// `start()` brings everything up in an order that never loses an input: journal, replay, loop, then the
/// buses and the API. `stop()` takes it down in reverse: the buses stop polling (every unlock is a
/// device-timed pulse, so each lock falls back to locked by itself), the loop finishes the input in
/// hand, and the journal is flushed to disk before it closes.
public final class StationDaemon: Sendable {
    /// What the daemon runs.
    public struct Configuration: Sendable {
        public var station: Station
        public var profiles: ProfileLibrary
        /// Station time runs this many times faster than real time; only for a `simulation: true` station.
        public var timeScale: Double?
        /// Overrides the station file's API listeners (tests bind TCP to port 0).
        public var unixSocket: String?
        public var tcpListen: String?
        /// Sees every field event as a bus thread reports it, before it is translated (for measurements).
        public var fieldEventTap: (@Sendable (FieldEvent) -> Void)?
        /// Sees every door command just before it is handed to the buses (for measurements).
        public var doorCommandTap: (@Sendable (DoorCommandRecord) -> Void)?
        /// Hears how many journaled inputs the start-up replay has applied, every
        /// `EngineReplay.progressInterval` of them (to keep systemd's start timeout from running out).
        public var replayProgress: (@Sendable (Int) -> Void)?

        public init(
            station: Station, profiles: ProfileLibrary, timeScale: Double? = nil, unixSocket: String? = nil,
            tcpListen: String? = nil, fieldEventTap: (@Sendable (FieldEvent) -> Void)? = nil,
            doorCommandTap: (@Sendable (DoorCommandRecord) -> Void)? = nil,
            replayProgress: (@Sendable (Int) -> Void)? = nil
        ) {
            self.replayProgress = replayProgress
            self.fieldEventTap = fieldEventTap
            self.doorCommandTap = doorCommandTap
            self.station = station
            self.profiles = profiles
            self.timeScale = timeScale
            self.unixSocket = unixSocket
            self.tcpListen = tcpListen
        }
    }

    public let configuration: Configuration
    public let loop: StationLoop
    public let buses: FieldBusSupervisor
    public let api: StationAPI
    public let hub: EventHub
    public let metrics: MetricsRegistry
    /// How many journaled inputs were replayed at start.
    public let replayedInputs: Int
    private let journal: CustodyJournal
    private let sink: JournalingSink
    private let logger: Logger
    private let state = RunState()

    /// Opens the journal, replays it and builds every part; nothing polls or listens until `start()`.
    public init(_ configuration: Configuration, logger: Logger) throws(DaemonError) {
        let station = configuration.station
        if let scale = configuration.timeScale, scale != 1 {
            guard station.simulation else {
                throw .configuration(
                    "\(station.file): --time-scale is only for simulations; the station file does not say 'simulation: true'")
            }
            guard scale > 0, scale.isFinite else { throw .configuration("--time-scale must be a positive number, got \(scale)") }
        }
        self.configuration = configuration
        self.logger = logger
        let layout = StationLayout(station: station)
        let parameters = RuleParameters(station: station)
        let plan: FieldBusPlan
        do { plan = try FieldBusPlan(station: station, profiles: configuration.profiles) } catch {
            throw .configuration("\(station.file): \(error)")
        }
        let stationKey = try Self.stationKey(station, logger: logger)

        try Self.makeParent(of: station.journalPath)
        let journal: CustodyJournal
        let rebuilt: (engine: CustodyEngine, lastSeq: Int64, inputs: Int)
        do {
            journal = try CustodyJournal(path: station.journalPath)
            rebuilt = try EngineReplay.rebuild(
                layout: layout, parameters: parameters, from: try journal.makeReader(), progress: configuration.replayProgress)
        } catch {
            throw .journal("\(station.journalPath): \(error)")
        }
        self.journal = journal
        replayedInputs = rebuilt.inputs
        var engine = rebuilt.engine
        let clock: StationClock
        if let scale = configuration.timeScale, scale != 1 {
            let now = StationClock.wall.now()
            clock = StationClock(scale: scale, origin: rebuilt.inputs > 0 ? max(engine.now, now) : now)
            logger.warning(
                "SIMULATION: station time runs \(scale)× faster than real time (--time-scale); never use this at a real station")
        } else {
            clock = .wall
        }
        if rebuilt.inputs == 0 { engine = CustodyEngine(layout: layout, parameters: parameters, start: clock.now()) }

        let hub = EventHub()
        let metrics = MetricsRegistry()
        let sink = JournalingSink(journal: journal, hub: hub, metrics: metrics)
        let translator = FieldTranslator(station: station)
        let loopBox = Mutex<StationLoop?>(nil)
        let buses: FieldBusSupervisor
        do {
            let kinds = Dictionary(station.devices.map { ($0.id, $0.kind.rawValue) }, uniquingKeysWith: { a, _ in a })
            let tap = configuration.fieldEventTap
            buses = try FieldBusSupervisor(buses: plan.buses, devices: plan.devices) { event in
                tap?(event)
                switch event.kind {
                case .online: hub.publish(.device(DeviceStatusView(id: event.device, kind: kinds[event.device], online: true, detail: "ok")))
                case .offline(let error, let misses):
                    hub.publish(.device(DeviceStatusView(
                        id: event.device, kind: kinds[event.device], online: false, detail: "offline after \(misses) misses: \(error)")))
                default: break
                }
                let observations = translator.observations(for: event)
                guard !observations.isEmpty, let loop = loopBox.withLock({ $0 }) else { return }
                for observation in observations { loop.submit(.observation(observation)) }
            }
        } catch {
            throw .configuration("\(station.file): \(error)")
        }
        let doors = TappedDoors.wrap(FieldDoors(station: station, buses: buses), tap: configuration.doorCommandTap)
        let loop = StationLoop(engine: engine, clock: clock, sink: DoorEffectSink(wrapping: sink, journal: journal, doors: doors))
        loopBox.withLock { $0 = loop }
        self.loop = loop
        self.buses = buses
        self.hub = hub
        self.metrics = metrics
        self.sink = sink
        var tokens: [String: APIRole] = [:]
        for token in station.api.tokens {
            if let role = APIRole(rawValue: token.role.rawValue) { tokens[token.sha256.lowercased()] = role }
        }
        let deviceKinds = Dictionary(station.devices.map { ($0.id, $0.kind.rawValue) }, uniquingKeysWith: { a, _ in a })
        var dependencies = StationAPI.Dependencies(
                loop: loop, journalPath: station.journalPath, stationKey: stationKey, hub: hub, metrics: metrics,
                devices: { buses.status().map { DeviceStatusView($0, kind: deviceKinds[$0.device]) } },
                durable: { try await sink.waitUntilDurable() },
                fieldBus: buses, journal: journal)
        dependencies.apiRecorders = Set(station.recorders.filter { $0.source == .api }.map(\.id))
        api = StationAPI(dependencies, tokens: tokens, logger: logger)
        logger.info(
            "station \(station.id): replayed \(rebuilt.inputs) journaled inputs; \(engine.peopleInCustody.count) people in custody, clocks continue",
            metadata: ["journal": "\(station.journalPath)"])
    }

    /// Starts the buses and the API; returns once the API listens. Returns the bound TCP port, if any.
    @discardableResult
    public func start() async throws(DaemonError) -> Int? {
        buses.start()
        let station = configuration.station
        let socket = configuration.unixSocket ?? station.api.unixSocket
        try Self.makeParent(of: socket)
        var tcp: (host: String, port: Int)?
        if let listen = configuration.tcpListen ?? station.api.tcpListen {
            guard let parsed = Self.hostPort(listen) else { throw .configuration("api.tcp.listen: expected HOST:PORT, got '\(listen)'") }
            tcp = parsed
        }
        let api = self.api, logger = self.logger
        let listener = tcp.map { Listener(host: $0.host, port: $0.port) }
        let serving = Task {
            do { try await api.run(unixSocket: socket, tcp: listener.map { ($0.host, $0.port) }) } catch {
                logger.error("API stopped: \(error)")
            }
        }
        let refresh = Task { [weak self] in
            while !Task.isCancelled {
                await self?.refreshMetrics()
                try? await Task.sleep(for: .seconds(2))
            }
        }
        state.tasks.withLock { $0 += [serving, refresh] }
        let port = await api.waitUntilListening()
        journalLifeCycle("start", [
            "station_file": station.file, "replayed_inputs": String(replayedInputs),
            "time_scale": configuration.timeScale.map { String($0) } ?? "1", "devices": String(station.devices.count),
        ])
        if let group = station.api.socketGroup { Self.chown(socket, group: group, logger: logger) }
        logger.info("API on unix:\(socket)\(tcp.map { ", tcp \($0.host):\(port ?? $0.port)" } ?? "")")
        return port
    }

    /// Runs the systemd watchdog while the loop advances (no-op without `WATCHDOG_USEC`).
    public func superviseWatchdog(notifier: SystemdNotifier) {
        guard let schedule = WatchdogSchedule.fromProcessEnvironment() else { return }
        let loop = self.loop, logger = self.logger
        let watchdog = Watchdog(schedule: schedule, notifier: notifier) { loop.lastProgress }
        let task = Task { await watchdog.run { event in logger.warning("\(event)") } }
        state.tasks.withLock { $0.append(task) }
    }

    /// Stops in the safe order and flushes the journal; safe to call twice.
    public func stop() async {
        guard state.stopped.withLock({ was in defer { was = true }; return !was }) else { return }
        await api.shutdown()
        buses.stop()
        loop.stop()
        journalLifeCycle("stop", ["inputs_applied": String(loop.appliedCount)])
        do { try await sink.waitUntilDurable() } catch { logger.error("journal: last entries not confirmed on disk: \(error)") }
        journal.close()
        for task in state.tasks.withLock({ $0 }) { task.cancel() }
        logger.info("stopped; journal flushed")
    }

    /// A `system` entry: the daemon started or stopped (replay skips these; an auditor reads them).
    private func journalLifeCycle(_ event: String, _ details: [String: String]) {
        let body = RecordCoding.encode(details.merging(["event": event]) { old, _ in old })
        _ = journal.append(NewEntry(at: UTCMillis.now(), kind: .system, subject: .station, body: body))
    }

    /// Device counters and the loop's lag, into the metrics registry.
    private func refreshMetrics() async {
        for status in buses.status() {
            let labels = ["device": status.device, "bus": status.bus]
            metrics.set(MetricsRegistry.Name.devicePolls, labels: labels, to: Double(status.polls))
            metrics.set(MetricsRegistry.Name.deviceErrors, labels: labels, to: Double(status.errors.values.reduce(0, +)))
            if status.health != .unknown {
                metrics.set(MetricsRegistry.Name.deviceOnline, labels: labels, to: status.health == .online ? 1 : 0)
            }
            if let p99 = status.p99LatencyMs { metrics.set(MetricsRegistry.Name.deviceLatencyP99Seconds, labels: labels, to: p99 / 1000) }
        }
        let levels = await loop.read { engine in
            Dictionary(engine.openAlerts.map { ($0.level.rawValue, 1) }, uniquingKeysWith: +)
        }
        for level in CustodyCore.AlertLevel.allCases.map(\.rawValue) {
            metrics.set(MetricsRegistry.Name.openAlerts, labels: ["level": level], to: Double(levels[level] ?? 0))
        }
        let asked = ContinuousClock.now
        let answered = await loop.read { _ in ContinuousClock.now }
        let lag = asked.duration(to: answered)
        metrics.set(MetricsRegistry.Name.loopLagSeconds, to: Double(lag.components.attoseconds) / 1e18 + Double(lag.components.seconds))
    }

    // MARK: - Helpers

    private static func stationKey(_ station: Station, logger: Logger) throws(DaemonError) -> StationKey? {
        guard let path = station.idHashKeyFile else { return nil }
        if !FileManager.default.fileExists(atPath: path) {
            // First start: make the key, readable by the daemon only. Losing it only stops matching
            // later registrations with earlier ones (CLK-07); nothing already journaled changes.
            var bytes = [UInt8](repeating: 0, count: 32)
            var generator = SystemRandomNumberGenerator()
            for index in bytes.indices { bytes[index] = generator.next() }
            try makeParent(of: path)
            guard FileManager.default.createFile(atPath: path, contents: Data(bytes), attributes: [.posixPermissions: 0o400]) else {
                throw .configuration("privacy.id_hash_key_file: cannot create \(path)")
            }
            logger.notice("created a new ID-hash key at \(path); back it up with the journal")
        }
        do { return try StationKey(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw .configuration("privacy.id_hash_key_file: \(error)")
        }
    }

    private static func makeParent(of path: String) throws(DaemonError) {
        let parent = (path as NSString).deletingLastPathComponent
        guard !parent.isEmpty, !FileManager.default.fileExists(atPath: parent) else { return }
        do { try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true) } catch {
            throw .configuration("cannot create the directory \(parent): \(error.localizedDescription)")
        }
    }

    static func hostPort(_ text: String) -> (host: String, port: Int)? {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (0...65535).contains(port) else {
            return nil
        }
        var host = String(text[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        return (host, port)
    }

    private static func chown(_ path: String, group: String, logger: Logger) {
        guard let entry = getgrnam(group) else { return logger.warning("api.unix_socket group '\(group)' does not exist") }
        if Glibc.chown(path, UInt32.max, entry.pointee.gr_gid) != 0 {
            logger.warning("cannot give \(path) to group \(group): \(String(cString: strerror(errno)))")
        }
    }
}

/// The daemon's background tasks and whether it has stopped. Kept in a box of their own rather than as
/// `Mutex` properties of the daemon: Swift 6.3.1's optimizer crashes ("Found ownership error") on the
/// daemon's throwing initializer when the class holds non-copyable stored properties directly.
private final class RunState: Sendable {
    let tasks = Mutex<[Task<Void, Never>]>([])
    let stopped = Mutex(false)
}

private struct Listener: Sendable {
    var host: String
    var port: Int
}

/// Why the daemon cannot start.
public enum DaemonError: Error, Sendable, CustomStringConvertible {
    /// The station file or the command line asks for something impossible (exit 78, EX_CONFIG).
    case configuration(String)
    /// The journal cannot be opened or replayed (exit 74, EX_IOERR).
    case journal(String)

    public var description: String {
        switch self {
        case .configuration(let text), .journal(let text): text
        }
    }
}

extension DeviceStatusView {
    /// A field device's status as the API shows it.
    init(_ status: DeviceStatus, kind: String?) {
        let detail: String =
            switch status.health {
            case .online: "ok" + (status.p99LatencyMs.map { String(format: ", p99 %.1f ms", $0) } ?? "")
            case .offline: "offline after \(status.misses) misses" + (status.lastError.map { ": \($0)" } ?? "")
            case .unknown: "not polled yet"
            }
        self.init(
            id: status.device, kind: kind, bus: status.bus, online: status.health == .online, detail: detail,
            polls: status.polls, errors: status.errors.values.reduce(0, +))
    }
}
