public import Modbus

/// A fault a technician or a test injects into one simulated device.
public struct DeviceFault: Sendable, Hashable, CustomStringConvertible {
    public var fault: ServerFault
    /// Only for the next request, then the device behaves again.
    public var once: Bool

    public init(_ fault: ServerFault, once: Bool = false) {
        self.fault = fault
        self.once = once
    }

    /// Parses the control protocol's words: `no-answer`, `exception 6`, `drop`, `corrupt`, `slow 800`,
    /// each optionally followed by `once`.
    public init?(words: [Substring]) {
        var words = words
        let once = words.last == "once"
        if once { words.removeLast() }
        guard let first = words.first else { return nil }
        switch first {
        case "no-answer", "offline": fault = .noAnswer
        case "drop": fault = .dropConnection
        case "corrupt": fault = .corruptFrame
        case "exception":
            guard words.count == 2, let code = UInt8(words[1]), let exception = ModbusException(rawValue: code) else { return nil }
            fault = .exception(exception)
        case "slow":
            guard words.count == 2, let ms = Int(words[1]), ms >= 0 else { return nil }
            fault = .delay(milliseconds: ms)
        default: return nil
        }
        self.once = once
    }

    public var description: String {
        let name: String
        switch fault {
        case .noAnswer: name = "no-answer"
        case .dropConnection: name = "drop"
        case .corruptFrame: name = "corrupt"
        case .exception(let e): name = "exception \(e.rawValue)"
        case .delay(let ms): name = "slow \(ms)"
        }
        return once ? name + " once" : name
    }
}
