/// How the daemon reaches a device model.
public enum Transport: String, Sendable, Hashable, CaseIterable {
    /// Modbus RTU on an RS-485 line.
    case rtu
    /// Modbus/TCP.
    case tcp
}
