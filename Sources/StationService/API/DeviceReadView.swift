/// `POST /v1/devices/{id}/read`: the raw registers or bits a device answered.
struct DeviceReadView: Encodable {
    var device: String
    var table: String
    var address: Int
    var count: Int
    /// Register tables: the 16-bit words read.
    var registers: [UInt16]?
    /// Bit tables (coils, discrete inputs): the bits read.
    var bits: [Bool]?
}
