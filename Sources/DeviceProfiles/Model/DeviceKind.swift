/// What a device does in the custody area; door profiles carry extra safety rules.
public enum DeviceKind: String, Sendable, Hashable, CaseIterable {
    case environment
    case door
    case reader
    case io
    case smokeMonitor = "smoke-monitor"
}
