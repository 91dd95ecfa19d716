/// The station's civil time: an IANA zone for people and exports, and the fixed UTC offset the
/// deterministic core uses for meal windows and night hours.
public struct StationTimeZone: Sendable, Hashable {
    /// An IANA name, e.g. `Asia/Shanghai`.
    public var identifier: String
    /// The fixed offset east of UTC, in seconds (`+08:00` is 28800).
    public var utcOffsetSeconds: Int

    public init(identifier: String, utcOffsetSeconds: Int) {
        self.identifier = identifier
        self.utcOffsetSeconds = utcOffsetSeconds
    }

    /// `+08:00`, as written in the station file.
    public var offsetText: String {
        let sign = utcOffsetSeconds < 0 ? "-" : "+"
        let minutes = abs(utcOffsetSeconds) / 60
        let hours = String(minutes / 60), rest = String(minutes % 60)
        return sign + String(repeating: "0", count: 2 - hours.count) + hours + ":"
            + String(repeating: "0", count: 2 - rest.count) + rest
    }
}
