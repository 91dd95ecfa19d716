import CustodyCore
import Foundation
import Journal
import Logging
import StationService
import Testing

/// A real station for the API tests: a journal in a temporary directory, the station loop with the
/// journaling sink, and the API served on a Unix socket there and on TCP port 0.
final class APITestStation: Sendable {
    static let layout = StationLayout(
        zones: [
            .init(id: "entrance", kind: .entrance), .init(id: "corridor", kind: .corridor),
            .init(id: "holding-1", kind: .holding, watchPost: "duty"), .init(id: "interview-1", kind: .interview),
            .init(id: "duty", kind: .dutyPost), .init(id: "exit", kind: .exit),
        ],
        doors: [.init(id: "d-h1", between: "corridor", and: "holding-1", lock: "lock-h1")],
        readers: [.init(id: "r-h1", zone: "holding-1"), .init(id: "r-c", zone: "corridor")],
        recorders: [.init(id: "rec-1", zone: "interview-1")],
        officers: [
            .init(id: "o1", name: "Wang Wei", sex: .male, tag: "t-o1"),
            .init(id: "o2", name: "Li Na", sex: .female, tag: "t-o2"),
        ])

    /// The raw bearer tokens of the test, one per role.
    static let tokens: [APIRole: String] = [
        .supervisor: "supervisor-token", .officer: "officer-token", .technician: "technician-token",
        .auditor: "auditor-token",
    ]

    let directory: URL
    let socketPath: String
    let journal: CustodyJournal
    let hub: EventHub
    let metrics: MetricsRegistry
    let loop: StationLoop
    let api: StationAPI
    let server: Task<Void, any Error>
    let port: Int

    private init(directory: URL, journal: CustodyJournal, hub: EventHub, metrics: MetricsRegistry, loop: StationLoop,
                 api: StationAPI, server: Task<Void, any Error>, port: Int) {
        self.directory = directory
        self.hub = hub
        self.metrics = metrics
        self.socketPath = directory.appendingPathComponent("api.sock").path
        self.journal = journal
        self.loop = loop
        self.api = api
        self.server = server
        self.port = port
    }

    /// Starts a station and runs `body` against it, then shuts everything down.
    static var quietLogger: Logger {
        var logger = Logger(label: "custodyd.api.test")
        logger.logLevel = .warning
        return logger
    }

    static func with(_ body: (APITestStation) async throws -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("custodyd-api-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let journalPath = directory.appendingPathComponent("journal.sqlite").path
        let journal = try CustodyJournal(path: journalPath)
        let hub = EventHub(capacity: 64)
        let metrics = MetricsRegistry()
        let sink = JournalingSink(journal: journal, hub: hub, metrics: metrics)
        let loop = StationLoop(engine: CustodyEngine(layout: layout), clock: .wall, sink: sink)
        let api = StationAPI(
            .init(loop: loop, journalPath: journalPath, stationKey: .random(), hub: hub, metrics: metrics,
                  durable: { try await sink.waitUntilDurable() }, journal: journal),
            tokens: Dictionary(uniqueKeysWithValues: tokens.map { (APIRole.tokenHash($0.value), $0.key) }),
            keepAlive: .seconds(1), logger: quietLogger)
        let socketPath = directory.appendingPathComponent("api.sock").path
        let server = Task { try await api.run(unixSocket: socketPath, tcp: (host: "127.0.0.1", port: 0)) }
        let port = await api.waitUntilListening() ?? 0
        let station = APITestStation(
            directory: directory, journal: journal, hub: hub, metrics: metrics, loop: loop, api: api, server: server,
            port: port)
        do {
            try await body(station)
        } catch {
            await station.shutdown()
            throw error
        }
        await station.shutdown()
    }

    private func shutdown() async {
        await api.shutdown()
        _ = await server.result
        loop.stop()
        journal.close()
    }

    /// A client on the Unix socket (every permission).
    var local: APITestClient { APITestClient(endpoint: .unix(socketPath)) }

    /// A client on TCP carrying the token of `role`, or none.
    func tcp(_ role: APIRole?) -> APITestClient {
        APITestClient(endpoint: .tcp(port), token: role.flatMap { Self.tokens[$0] })
    }
}
