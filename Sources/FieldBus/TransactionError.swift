public import Modbus

/// Why a transaction asked of the field bus (``FieldBusSupervisor/perform(_:on:deadlineMs:)``) or a read
/// of a device's points did not get an answer.
public enum TransactionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No device has that id.
    case unknownDevice(String)
    /// The device's profile has no readable point of that name; `known` lists the readable ones.
    case unknownPoint(String, device: String, known: [String])
    /// The transaction waited past its deadline (link down, bus busy) and was never sent.
    case expired(waitedMs: Int)
    /// The device or the link failed (``Modbus/ModbusError/closed`` once the bus stops).
    case modbus(ModbusError)

    public var description: String {
        switch self {
        case .unknownDevice(let id): "no device '\(id)'"
        case .unknownPoint(let name, let device, let known):
            "device '\(device)' has no readable point '\(name)' (it has: \(known.joined(separator: ", ")))"
        case .expired(let ms): "not sent: waited \(ms) ms for the bus, past its deadline"
        case .modbus(let error): "\(error)"
        }
    }
}
