import DeviceProfiles
import FieldBus
import Modbus

/// One point of a device read on request, as the API shows it: the value in its JSON type with its
/// unit, or why there is none.
struct DevicePointView: Encodable {
    /// A point's value in its natural JSON type; a bitfield shows the names of its set flags.
    enum Value: Encodable {
        case bool(Bool)
        case int(Int64)
        case uint(UInt64)
        case double(Double)
        case string(String)
        case flags([String])

        init(_ value: ModbusValue, point: Point) {
            switch value {
            case .bool(let flag): self = .bool(flag)
            case .int(let number): self = .int(number)
            case .uint(let number): self = .uint(number)
            case .double(let number): self = .double(number)
            case .string(let text): self = .string(text)
            case .bits(let raw): self = .flags(ValueCodec.setBitNames(raw, names: point.bits))
            }
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .bool(let flag): try container.encode(flag)
            case .int(let number): try container.encode(number)
            case .uint(let number): try container.encode(number)
            case .double(let number): try container.encode(number.isFinite ? number : 0)
            case .string(let text): try container.encode(text)
            case .flags(let names): try container.encode(names)
            }
        }
    }

    var point: String
    /// `ok`, `unavailable`, `out_of_range`, `undecodable` or `error` (the read failed).
    var status: String
    var value: Value?
    var unit: String?
    /// The raw registers of an unavailable reading (a sentinel).
    var raw: [UInt16]?
    /// Why there is no good value.
    var error: String?
    /// The Modbus error's class (`no-answer`, `device-said-no`, `line-noise`, `link-lost`) when the read failed.
    var errorClass: String?

    init(_ read: PointRead) {
        let point = read.point
        self.point = point.name
        unit = point.unit
        switch read.result {
        case .success(.value(let value)):
            status = "ok"
            self.value = Value(value, point: point)
        case .success(.unavailable(let raw)):
            status = "unavailable"
            self.raw = raw
            error = "the device reports no reading (sentinel or NaN)"
        case .success(.outOfRange(let value, let valid)):
            status = "out_of_range"
            self.value = Value(value, point: point)
            error = "outside the valid range \(valid.min)…\(valid.max)"
        case .success(.undecodable(let codec)):
            status = "undecodable"
            error = "\(codec)"
        case .failure(let failure):
            status = "error"
            error = failure.description
            if case .modbus(let modbus) = failure { errorClass = modbus.category }
        }
    }
}
