public import DeviceProfiles
public import Modbus

/// How a command ended. Door unlocks are device-timed pulses: the outcome says whether the read-back
/// proved the door released, never that it is being held open.
public enum CommandOutcome: Sendable, Equatable, CustomStringConvertible {
    /// Written, and the profile's verify point read the expected value `elapsedMs` after the request.
    case verified(elapsedMs: Int)
    /// Written and acknowledged by the device; the command has no verify.
    case acknowledged(elapsedMs: Int)
    /// Written, but the verify point did not show the expected value within `within_ms`.
    case notVerified(lastReading: PointReading?)
    /// The write failed (or the bus stopped: ``ModbusError/closed``).
    case failed(ModbusError)
    /// The command waited past its deadline (the link was down or the bus busy) and was never sent, so a
    /// stale unlock can never fire late.
    case expired(waitedMs: Int)
    /// No device has that id.
    case unknownDevice(String)
    /// The device's profile has no command of that name.
    case unknownCommand(String)

    /// Whether the command is known to have taken effect.
    public var succeeded: Bool {
        switch self {
        case .verified, .acknowledged: true
        default: false
        }
    }

    public var description: String {
        switch self {
        case .verified(let ms): "verified after \(ms) ms"
        case .acknowledged(let ms): "acknowledged after \(ms) ms (no read-back defined)"
        case .notVerified(let reading): "written but not verified (last read-back: \(reading.map { "\($0)" } ?? "none"))"
        case .failed(let error): "failed: \(error)"
        case .expired(let ms): "not sent: waited \(ms) ms, past its deadline"
        case .unknownDevice(let id): "no device '\(id)'"
        case .unknownCommand(let name): "no command '\(name)'"
        }
    }
}
