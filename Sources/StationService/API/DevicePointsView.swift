/// `GET /v1/devices/{id}/points`: a device's points read now.
struct DevicePointsView: Encodable {
    var device: String
    var profile: String
    /// UTC milliseconds when the reads were answered.
    var at: Int64
    var points: [DevicePointView]
}
