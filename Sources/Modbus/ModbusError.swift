import CModbus

/// A failed Modbus transaction, classified by what a technician or the field bus should do about it.
///
/// The classes follow the field experience with libmodbus: a device that answers with an exception is
/// configured or addressed wrongly and retrying will not help; a device that does not answer is retried
/// with backoff; line noise is flushed and retried once; a lost link is closed and reopened.
public enum ModbusError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The device answered with a Modbus exception (it is alive, but refused this request).
    case deviceRefused(ModbusException)
    /// No reply, or only part of one, within the response timeout.
    case noAnswer(timeoutMilliseconds: Int)
    /// A reply arrived but was damaged or out of step (bad CRC, wrong length or transaction id, wrong unit).
    case lineNoise(LineFault)
    /// The connection or serial adapter is gone (peer closed, reset, adapter unplugged).
    case linkLost(errno: Int32)
    /// Connecting failed; the link will be retried with backoff.
    case connectFailed(errno: Int32, detail: String)
    /// The link is down and the next reconnect attempt is not due yet.
    case notConnected(retryInMilliseconds: Int)
    /// Another process holds the serial port.
    case portBusy(path: String)
    /// The request itself is invalid (address, count or unit out of range); nothing was sent.
    case invalidRequest(String)
    /// The client was shut down.
    case closed

    /// What the field bus should do after this error.
    public var recovery: Recovery {
        switch self {
        case .deviceRefused, .invalidRequest: .doNotRetry
        case .noAnswer: .retryWithBackoff
        case .lineNoise: .flushAndRetryOnce
        case .linkLost, .connectFailed, .notConnected, .portBusy: .reconnect
        case .closed: .doNotRetry
        }
    }

    /// The error's class as DEVICES.md names it, for reports and metrics labels.
    public var category: String {
        switch self {
        case .deviceRefused: "device-said-no"
        case .noAnswer: "no-answer"
        case .lineNoise: "line-noise"
        case .linkLost, .connectFailed, .notConnected, .portBusy: "link-lost"
        case .invalidRequest: "invalid-request"
        case .closed: "closed"
        }
    }

    public var description: String {
        switch self {
        case .deviceRefused(let exception):
            "device refused the request: \(exception) — check the unit id, the profile's address and function"
        case .noAnswer(let timeout):
            "no answer within \(timeout) ms — check wiring, power, unit id, baud rate and parity"
        case .lineNoise(let fault):
            "damaged reply: \(fault) — check termination, grounding and that only one master owns the bus"
        case .linkLost(let code):
            "link lost (\(ModbusError.errnoName(code))) — the device closed the connection or the adapter was unplugged"
        case .connectFailed(let code, let detail):
            "cannot connect to \(detail) (\(ModbusError.errnoName(code)))"
        case .notConnected(let retry):
            "link down; next reconnect attempt in \(retry) ms"
        case .portBusy(let path):
            "\(path) is in use by another process (is custodyd running? use it through the daemon)"
        case .invalidRequest(let why):
            "invalid request: \(why)"
        case .closed:
            "the Modbus client was shut down"
        }
    }

    /// Classifies `errno` as read right after a failed libmodbus call.
    static func classify(errno code: Int32, timeoutMilliseconds: Int) -> ModbusError {
        if let exception = ModbusException(errno: code) { return .deviceRefused(exception) }
        switch code {
        case cmodbus_EMBBADCRC: return .lineNoise(.badCRC)
        case cmodbus_EMBBADDATA: return .lineNoise(.badData)
        case cmodbus_EMBBADSLAVE: return .lineNoise(.wrongUnit)
        case cmodbus_EMBBADEXC, cmodbus_EMBUNKEXC: return .lineNoise(.badException)
        case cmodbus_EMBMDATA: return .invalidRequest("too many items for one request")
        case ETIMEDOUT: return .noAnswer(timeoutMilliseconds: timeoutMilliseconds)
        case EINVAL: return .invalidRequest("rejected by libmodbus (EINVAL)")
        default: return .linkLost(errno: code)
        }
    }

    /// A short, thread-safe name for an errno value (libmodbus's `modbus_strerror` is not thread-safe).
    public static func errnoName(_ code: Int32) -> String {
        switch code {
        case ECONNRESET: "ECONNRESET: connection reset or adapter removed"
        case ECONNREFUSED: "ECONNREFUSED: nothing listens there"
        case EPIPE: "EPIPE: broken pipe"
        case EBADF: "EBADF: not open"
        case EIO: "EIO: I/O error"
        case ENODEV: "ENODEV: no such device"
        case ENXIO: "ENXIO: device gone"
        case ENOENT: "ENOENT: no such file"
        case EACCES: "EACCES: permission denied (is the user in the dialout group?)"
        case EHOSTUNREACH: "EHOSTUNREACH: host unreachable"
        case ENETUNREACH: "ENETUNREACH: network unreachable"
        case ETIMEDOUT: "ETIMEDOUT: timed out"
        case EINPROGRESS, 0: "connect timed out"
        case EINVAL: "EINVAL: invalid argument"
        default: "errno \(code)"
        }
    }

    /// What to do after an error.
    public enum Recovery: Sendable, Equatable {
        case doNotRetry, retryWithBackoff, flushAndRetryOnce, reconnect
    }

    /// The ways a reply can be damaged.
    public enum LineFault: String, Sendable, Equatable, CustomStringConvertible {
        case badCRC = "bad CRC"
        case badData = "wrong length, transaction id or protocol id"
        case wrongUnit = "reply from another unit"
        case badException = "malformed exception reply"
        public var description: String { rawValue }
    }
}

/// A Modbus exception code returned by a device.
public enum ModbusException: UInt8, Sendable, Equatable, CustomStringConvertible, CaseIterable {
    case illegalFunction = 1
    case illegalDataAddress = 2
    case illegalDataValue = 3
    case deviceFailure = 4
    case acknowledge = 5
    case deviceBusy = 6
    case negativeAcknowledge = 7
    case memoryParity = 8
    case gatewayPathUnavailable = 10
    case gatewayTargetNoResponse = 11

    init?(errno code: Int32) {
        let offset = Int(code) - Int(MODBUS_ENOBASE)
        guard offset >= 1, offset <= 11, let exception = ModbusException(rawValue: UInt8(offset)) else { return nil }
        self = exception
    }

    public var description: String {
        switch self {
        case .illegalFunction: "illegal function (01)"
        case .illegalDataAddress: "illegal data address (02)"
        case .illegalDataValue: "illegal data value (03)"
        case .deviceFailure: "device failure (04)"
        case .acknowledge: "acknowledge (05)"
        case .deviceBusy: "device busy (06)"
        case .negativeAcknowledge: "negative acknowledge (07)"
        case .memoryParity: "memory parity error (08)"
        case .gatewayPathUnavailable: "gateway path unavailable (0A)"
        case .gatewayTargetNoResponse: "gateway target did not respond (0B)"
        }
    }
}
