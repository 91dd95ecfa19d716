internal import DeviceProfiles
internal import Modbus

extension StationParser {
    /// Seconds a device takes to answer plus the host's turnaround, per read (DEVICES.md §2: a
    /// typical slave answers in 5–45 ms; USB adapters add a few more).
    static let turnaroundSeconds = 0.012

    /// Warns when an RTU bus's planned polls need more of the line than it has: each read costs the
    /// request and reply on the wire, two frame silences and ``turnaroundSeconds``.
    func checkBudget(_ bus: ParsedBus, line: SerialSettings, devices: [ParsedDevice]) {
        let bits = Double(1 + line.dataBits + (line.parity == .none ? 0 : 1) + line.stopBits)
        let character = bits / Double(line.baud)
        let silence = line.baud > 19200 ? 0.00175 : 3.5 * character
        var reads = 0.0, busy = 0.0
        for device in devices {
            for group in ReadPlanner.schedule(device.profile) {
                let rate = 1000 / Double(group.intervalMs)
                for batch in group.batches {
                    let reply = batch.table.isBits ? 5 + (batch.count + 7) / 8 : 5 + 2 * batch.count
                    reads += rate
                    busy += rate * (Double(8 + reply) * character + 2 * silence + Self.turnaroundSeconds)
                }
            }
        }
        guard busy > 1 else { return }
        diagnostics.warn(
            bus.node, bus.path,
            "its polls need about \(Int((busy * 100).rounded()))% of the line at \(Self.text(line)) "
                + "(\(Int(reads.rounded())) reads/s, 12 ms per read for the devices to answer): raise the baud, "
                + "lengthen poll intervals or split the bus")
    }
}
