/// How a station file names a serial adapter. Kernel names such as /dev/ttyUSB0 follow plug order, so a
/// bus is better named by its physical port (`byPath`) or by the adapter's identity (vendor, model, serial).
public struct PortSelector: Sendable, Hashable, CustomStringConvertible {
    /// A device path used as given (a pty in tests, a fixed UART such as /dev/ttyS1, or any /dev/serial link).
    public var path: String?
    /// A /dev/serial/by-path/… name: the physical USB port the adapter is plugged into.
    public var byPath: String?
    /// USB vendor id, e.g. `0403` (FTDI).
    public var vendorID: String?
    /// USB model id, e.g. `6001`.
    public var modelID: String?
    /// The adapter's serial number (CH340 adapters have none, and share their ids: prefer `byPath`).
    public var serial: String?

    public init(
        path: String? = nil, byPath: String? = nil, vendorID: String? = nil, modelID: String? = nil, serial: String? = nil
    ) {
        self.path = path
        self.byPath = byPath
        self.vendorID = vendorID
        self.modelID = modelID
        self.serial = serial
    }

    /// A port named by its path, used as given.
    public static func path(_ path: String) -> PortSelector { PortSelector(path: path) }

    public var description: String {
        if let path { return path }
        if let byPath { return byPath }
        let parts = [vendorID.map { "vendor \($0)" }, modelID.map { "model \($0)" }, serial.map { "serial \($0)" }]
        return "adapter " + parts.compactMap { $0 }.joined(separator: " ")
    }

    /// The device node to open among the adapters now present, or why there is none.
    ///
    /// A plain `path` is returned as given, whether or not udev knows it (ptys are not listed).
    /// A `byPath` name resolves to its adapter's node; vendor/model/serial must match exactly one adapter,
    /// so two identical adapters are never confused.
    public func resolve(among ports: [SerialPort]) -> Result<String, PortResolutionError> {
        if let path { return .success(path) }
        let matches = ports.filter { port in
            if let byPath, port.byPath != byPath, port.devnode != byPath { return false }
            if let vendorID, port.vendorID?.lowercased() != vendorID.lowercased() { return false }
            if let modelID, port.modelID?.lowercased() != modelID.lowercased() { return false }
            if let serial, port.serial != serial { return false }
            return true
        }
        guard byPath != nil || vendorID != nil || modelID != nil || serial != nil else { return .failure(.empty) }
        switch matches.count {
        case 0: return .failure(.notPresent(self))
        case 1: return .success(matches[0].devnode)
        default: return .failure(.ambiguous(self, matches.map(\.devnode)))
        }
    }
}

/// Why a ``PortSelector`` names no port right now.
public enum PortResolutionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The selector names nothing at all.
    case empty
    /// No adapter present matches (unplugged, or not yet enumerated by udev).
    case notPresent(PortSelector)
    /// Several adapters match; the station file must name the port more precisely.
    case ambiguous(PortSelector, [String])

    public var description: String {
        switch self {
        case .empty: "the bus names no serial port (give path, by_path or vendor/model/serial)"
        case .notPresent(let selector): "no serial adapter matches \(selector) — is it plugged in?"
        case .ambiguous(let selector, let nodes):
            "\(nodes.count) adapters match \(selector) (\(nodes.joined(separator: ", "))) — name the bus by its by-path port"
        }
    }
}
