/// How a bus finds its serial adapter: a device path (best a stable `/dev/serial/by-path/…` link), or a
/// udev match on the adapter's USB vendor id, model id and serial number.
public enum SerialPortSelector: Sendable, Hashable, CustomStringConvertible {
    /// A device node or a `/dev/serial/by-path` or `/dev/serial/by-id` link (or a simulator's pty link).
    case path(String)
    /// The adapter whose udev properties match every field given.
    case match(vendorID: String?, modelID: String?, serial: String?)

    public var description: String {
        switch self {
        case .path(let path): path
        case .match(let vendor, let model, let serial):
            "usb " + [vendor.map { "vendor \($0)" }, model.map { "model \($0)" }, serial.map { "serial \($0)" }]
                .compactMap { $0 }.joined(separator: " ")
        }
    }
}
