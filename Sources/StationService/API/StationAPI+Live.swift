import CustodyCore
import Foundation
import Hummingbird
import Journal

/// Routes answered from the live engine and the field buses.
extension StationAPI {
    func status(_ context: APIRequestContext) async throws -> Response {
        let personal = context.allows(.readPeople)
        if !personal { try context.require(.devices) }
        let devices = try await deviceList()
        let now = dependencies.loop.clock.now()
        let view = await dependencies.loop.read { engine in
            StatusView(engine: engine, now: now, devices: devices, personal: personal)
        }
        return json(view)
    }

    func devices(_ context: APIRequestContext) async throws -> Response {
        try context.require(.devices)
        return json(try await deviceList())
    }

    func people(_ context: APIRequestContext) async throws -> Response {
        try context.require(.readPeople)
        let now = dependencies.loop.clock.now()
        return json(await dependencies.loop.read { PersonView.all(in: $0, now: now) })
    }

    func person(_ context: APIRequestContext) async throws -> Response {
        try context.require(.readPeople)
        let id = try personParameter(context)
        let now = dependencies.loop.clock.now()
        let view = await dependencies.loop.read { engine in
            engine.person(id).map { PersonView($0, clocks: engine.clocks(for: id), now: now) }
        }
        guard let view else { throw APIError.notFound("no person '\(id)' at this station") }
        return json(view)
    }

    /// Devices from the field buses, or the journal's last known status when the daemon gave no source.
    func deviceList() async throws -> [DeviceStatusView] {
        if let devices = dependencies.devices { return await devices() }
        return try await journal { reader in
            try reader.devices().map { record in
                DeviceStatusView(id: record.device, online: record.online, detail: record.detail, lastSeen: record.updatedAt)
            }
        }
    }

    func metricsText(_ context: APIRequestContext) async throws -> Response {
        try context.require(.metrics)
        let metrics = dependencies.metrics
        let open = await dependencies.loop.read { engine in
            Dictionary(grouping: engine.openAlerts, by: \.level).mapValues(\.count)
        }
        for level in CustodyCore.AlertLevel.allCases {
            metrics.set(MetricsRegistry.Name.openAlerts, labels: ["level": level.rawValue], to: Double(open[level] ?? 0))
        }
        metrics.set(MetricsRegistry.Name.eventSubscribers, to: Double(dependencies.hub.subscriberCount))
        return body(Data(metrics.render().utf8), contentType: "text/plain; version=0.0.4; charset=utf-8")
    }
}
