import DeviceProfiles
import Modbus
import Synchronization

extension SimulatedDevice {
    /// Advances the device to `now`: pulses that end, followers that catch up, sensors that drift,
    /// queued tag reads that latch once the last one was acknowledged.
    public func tick(now: ContinuousClock.Instant = .now) {
        let ended: [(String, Bool)] = state.withLock { s in
            let due = s.pulses.filter { $0.value.revertAt <= now }
            for key in due.keys { s.pulses[key] = nil }
            return due.map { ($0.key, $0.value.revertValue) }
        }
        for (output, value) in ended { try? set(output, to: .bool(value)) }
        followSources(now: now)
        drift(now: now)
        deliverQueuedTag()
    }

    private func followSources(now: ContinuousClock.Instant) {
        for hint in profile.simulation {
            guard let follows = hint.follows, let source = (try? value(of: follows.point))?.value,
                let current = (try? value(of: hint.point))?.value
            else { continue }
            var desired = source
            if follows.invert, case .bool(let flag) = source { desired = .bool(!flag) }
            let apply: Bool = state.withLock { s in
                if current == desired {
                    s.pendingFollows[hint.point] = nil
                    return false
                }
                if let pending = s.pendingFollows[hint.point], pending.value == desired {
                    guard pending.due <= now else { return false }
                    s.pendingFollows[hint.point] = nil
                    return true
                }
                s.pendingFollows[hint.point] = (desired, now.advanced(by: .milliseconds(follows.delayMs)))
                return follows.delayMs == 0
            }
            if apply { try? set(hint.point, to: desired) }
        }
    }

    private func drift(now: ContinuousClock.Instant) {
        let steps: [(String, Double)]? = state.withLock { s in
            guard now >= s.nextDrift else { return nil }
            s.nextDrift = now.advanced(by: .milliseconds(max(1000, profile.poll.intervalMs)))
            return profile.simulation.compactMap { hint in
                s.pinned.contains(hint.point) ? nil : hint.drift.map { (hint.point, Double.random(in: -$0.step...$0.step, using: &s.rng)) }
            }
        }
        for (name, step) in steps ?? [] {
            guard let drift = profile.simulation.first(where: { $0.point == name })?.drift,
                let current = (try? value(of: name))?.value?.numericValue
            else { continue }
            try? set(name, to: .double(min(drift.max, max(drift.min, current + step))))
        }
    }

    /// Fixes a drifting point at its current value (`true`), or lets it drift again (`false`).
    public func pin(_ name: String, _ pinned: Bool = true) {
        state.withLock { if pinned { $0.pinned.insert(name) } else { $0.pinned.remove(name) } }
    }

    /// Reacts to a write the server applied: a pulse command starts its pulse, a plain command at the
    /// same address ends it early, an acknowledgement frees the reader's latch for the next queued tag.
    ///
    /// - Returns: What the write meant: the command's name, else `point=value`, else `table@address`.
    @discardableResult
    func handleWrite(_ request: ServedRequest) -> String {
        guard let table = request.table else { return "fc\(request.functionCode)@\(request.address)" }
        let written: UInt16? =
            table.isBits
            ? (try? store.bits(table, address: request.address, count: 1)).map { $0[0] ? 0xFF00 : 0 }
            : (try? store.registers(table, address: request.address, count: 1))?.first
        let commands = profile.commands.filter { $0.table == table && $0.address == request.address && !$0.write.raw }
        let matched = commands.first(where: { $0.write.values.first == written })
        if let command = matched {
            if command.pulse != nil {
                startPulse(command)
            } else {
                endPulses(at: table, address: request.address)
            }
        }
        // A master writing a pulse's output itself takes it over.
        let outputs = profile.points.filter { $0.table == table && $0.addresses.contains(request.address) }.map(\.name)
        state.withLock { s in for name in outputs { s.pulses[name] = nil } }
        deliverQueuedTag()
        if let matched { return matched.name }
        if let point = outputs.first {
            return "\(point)=\(SimulatedBus.render(try? value(of: point)))"
        }
        return "\(table.rawValue)@\(request.address)"
    }

    /// Vendor frames libmodbus would refuse: a raw command (e.g. Waveshare's FC5 "flash" with a time value)
    /// starts its pulse and is echoed, as the module does.
    ///
    /// - Returns: The reply PDU and the command's name, or nil to answer normally.
    func vendorReply(for request: ServedRequest, pdu: [UInt8]) -> (reply: [UInt8], command: String)? {
        guard request.functionCode == 5 || request.functionCode == 6 else { return nil }
        guard let command = profile.commands.first(where: {
            $0.write.raw && $0.write.functionCode == request.functionCode && $0.address == request.address
        }) else { return nil }
        startPulse(command)
        return (pdu, command.name)
    }

    /// Runs a command as if the master had sent it (the control protocol's `command`).
    public func perform(command name: String) throws(SimulatorError) {
        guard let command = profile.command(named: name) else {
            throw .invalid("\(profile.id) has no command '\(name)' (commands: \(profile.commands.map(\.name).joined(separator: ", ")))")
        }
        if command.pulse != nil { startPulse(command) } else { endPulses(at: command.table, address: command.address) }
    }

    private func startPulse(_ command: Command) {
        guard let pulse = command.pulse, let output = pulse.output, profile.point(named: output) != nil else { return }
        try? set(output, to: .bool(pulse.level))
        let revertAt = ContinuousClock.now.advanced(by: .milliseconds(pulse.durationMs))
        state.withLock { $0.pulses[output] = ActivePulse(command: command, revertAt: revertAt, revertValue: !pulse.level) }
    }

    private func endPulses(at table: ModbusTable, address: Int) {
        let ended: [(String, Bool)] = state.withLock { s in
            let matching = s.pulses.filter { $0.value.command.table == table && $0.value.command.address == address }
            for key in matching.keys { s.pulses[key] = nil }
            return matching.map { ($0.key, $0.value.revertValue) }
        }
        for (output, value) in ended { try? set(output, to: .bool(value)) }
    }
}
