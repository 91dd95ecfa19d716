public import FieldBus
import Foundation
import Hummingbird
public import Journal
public import Logging
import NIOCore
import ServiceLifecycle

/// The daemon's HTTP + JSON API: one router served on the Unix socket (access by the socket's group) and,
/// optionally, on TCP with bearer tokens that carry a role.
///
/// Live state comes from the station loop (`loop.read`), history from the journal, commands go through
/// `loop.perform` and are answered once journaled. `openapi.yaml` at the repository root documents the routes.
public struct StationAPI: Sendable {
    /// Everything the API serves from.
    public struct Dependencies: Sendable {
        public var loop: StationLoop
        /// The journal file, read with a live reader alongside the daemon's writer.
        public var journalPath: String
        /// The station key that hashes ID numbers at registration; without it `id_number` is refused.
        public var stationKey: StationKey?
        public var hub: EventHub
        public var metrics: MetricsRegistry
        /// Current device status from the field buses; nil serves the journal's last known status.
        public var devices: (@Sendable () async -> [DeviceStatusView])?
        /// Waits until every journal entry appended so far is durable (`JournalingSink.waitUntilDurable`).
        public var durable: (@Sendable () async throws -> Void)?
        /// The field buses, for diagnostics through their queues; nil answers those routes 503.
        public var fieldBus: FieldBusSupervisor?
        /// The journal's writer, for entries that are not core inputs (a device command sent by hand);
        /// without it device commands are refused, never sent unrecorded.
        public var journal: CustodyJournal?
        /// Recorders whose running state officers report through the API (the station file's
        /// `source: api`); a recorder wired to a device point reports itself. Nil accepts every recorder.
        public var apiRecorders: Set<String>?

        public init(
            loop: StationLoop, journalPath: String, stationKey: StationKey? = nil, hub: EventHub,
            metrics: MetricsRegistry, devices: (@Sendable () async -> [DeviceStatusView])? = nil,
            durable: (@Sendable () async throws -> Void)? = nil, fieldBus: FieldBusSupervisor? = nil,
            journal: CustodyJournal? = nil
        ) {
            self.loop = loop
            self.journalPath = journalPath
            self.stationKey = stationKey
            self.hub = hub
            self.metrics = metrics
            self.devices = devices
            self.durable = durable
            self.fieldBus = fieldBus
            self.journal = journal
        }
    }

    let dependencies: Dependencies
    /// SHA-256 hex of each accepted bearer token (see `APIRole.tokenHash`), and its role.
    let tokens: [String: APIRole]
    /// How often the event stream sends a keep-alive comment.
    let keepAlive: Duration
    let reader: JournalAccess
    let listening = ListeningSignal()
    let logger: Logger

    /// An API over `dependencies`, accepting `tokens` (hash → role) on TCP.
    public init(
        _ dependencies: Dependencies, tokens: [String: APIRole] = [:], keepAlive: Duration = .seconds(15),
        logger: Logger = Logger(label: "custodyd.api")
    ) {
        self.dependencies = dependencies
        self.tokens = tokens
        self.keepAlive = keepAlive
        self.reader = JournalAccess(path: dependencies.journalPath)
        self.logger = logger
    }

    /// Serves on the Unix socket at `unixSocket` (mode 0660; a stale file is replaced) and on TCP at `tcp`,
    /// until `shutdown()`, a graceful shutdown of an enclosing service group, cancellation, or a listener
    /// failing. Event streams are ended on the way out.
    public func run(unixSocket: String?, tcp: (host: String, port: Int)?) async throws {
        let router = makeRouter()
        var applications: [Application<RouterResponder<APIRequestContext>>] = []
        var expected = 0
        if let unixSocket {
            unlink(unixSocket)
            expected += 1
            applications.append(Application(
                router: router, configuration: .init(address: .unixDomainSocket(path: unixSocket), serverName: "custodyd"),
                onServerRunning: { [listening] _ in
                    chmod(unixSocket, 0o660)
                    listening.opened(port: nil)
                }, logger: logger))
        }
        if let tcp {
            expected += 1
            applications.append(Application(
                router: router, configuration: .init(address: .hostname(tcp.host, port: tcp.port), serverName: "custodyd"),
                onServerRunning: { [listening] channel in listening.opened(port: channel.localAddress?.port) },
                logger: logger))
        }
        listening.expect(expected)
        defer {
            if let unixSocket { unlink(unixSocket) }
        }
        let hub = dependencies.hub
        let group = ServiceGroup(configuration: .init(services: applications, logger: logger))
        guard listening.started(group) else { return }
        try await withTaskCancellationHandler {
            try await withGracefulShutdownHandler {
                try await group.run()
            } onGracefulShutdown: {
                hub.finishAll()
                Task { await group.triggerGracefulShutdown() }
            }
        } onCancel: {
            hub.finishAll()
        }
    }

    /// Stops accepting connections, ends every event stream and lets answers in progress finish; `run`
    /// then returns. A graceful shutdown of an enclosing service group does the same.
    public func shutdown() async {
        dependencies.hub.finishAll()
        await listening.shutdown()
    }

    /// Waits until every listener is accepting connections; returns the bound TCP port, if serving TCP
    /// (useful with port 0).
    public func waitUntilListening() async -> Int? {
        await listening.wait()
    }
}
