public import CustodyCore

/// The station at a glance (`GET /v1/status`): devices, zones, people and open alerts.
///
/// For the technician role `people` is empty and `alerts` holds only alerts that name no person.
public struct StatusView: Sendable, Hashable, Codable {
    /// One zone of the layout with its head-count.
    public struct Zone: Sendable, Hashable, Codable {
        public var id: String
        public var kind: ZoneKind
        public var people: Int
        public var officers: Int
    }

    /// The station's time (UTC milliseconds).
    public var now: Int64
    public var fireActive: Bool
    public var peopleInCustody: Int
    public var openAlerts: [String: Int]
    public var devices: [DeviceStatusView]
    public var zones: [Zone]
    public var people: [PersonView]
    public var alerts: [AlertView]

    init(engine: CustodyEngine, now: Timestamp, devices: [DeviceStatusView], personal: Bool) {
        self.now = now.milliseconds
        fireActive = engine.isFireActive
        let inCustody = engine.peopleInCustody
        peopleInCustody = inCustody.count
        let open = engine.openAlerts
        openAlerts = Dictionary(grouping: open, by: { $0.level.rawValue }).mapValues(\.count)
        self.devices = devices
        zones = engine.layout.zones.map { zone in
            Zone(id: zone.id.rawValue, kind: zone.kind, people: engine.occupants(of: zone.id).count,
                 officers: engine.officers(in: zone.id).count)
        }
        people = personal ? PersonView.all(in: engine, now: now) : []
        alerts = open.filter { personal || $0.key.person == nil }.map(AlertView.init)
    }
}
