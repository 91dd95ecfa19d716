internal import Modbus

/// Checks across a parsed profile that no single field shows: duplicate names, overlapping points,
/// dangling references, read limits and the door safety rules (DEVICES.md §5, classes 2, 3, 6, 7, 8).
struct ProfileValidator {
    let profile: DeviceProfile
    let diagnostics: Diagnostics
    /// Point names written in the file, parsed or not.
    var declaredPointNames: Set<String> = []
    /// Command names written in the file, parsed or not.
    var declaredCommandNames: Set<String> = []

    func validate() {
        checkDuplicateNames()
        checkOverlaps()
        checkReadLimits()
        checkReferences()
        checkDoorRules()
        checkSmokeMonitorRules()
    }

    private func checkDuplicateNames() {
        func check(_ list: String, _ items: [(name: String, location: SourceLocation)]) {
            var seen: [String: SourceLocation] = [:]
            for item in items {
                if let first = seen[item.name] {
                    diagnostics.report(
                        at: item.location, "\(list).\(item.name)",
                        "duplicate name '\(item.name)' (first at line \(first.line))")
                } else {
                    seen[item.name] = item.location
                }
            }
        }
        check("points", profile.points.map { ($0.name, $0.location) })
        check("commands", profile.commands.map { ($0.name, $0.location) })
        check("events", profile.events.map { ($0.name, $0.location) })
    }

    private func checkOverlaps() {
        let byTable = Dictionary(grouping: profile.points, by: \.table)
        for (_, points) in byTable {
            let sorted = points.sorted { ($0.address, $0.location.line) < ($1.address, $1.location.line) }
            for (index, point) in sorted.enumerated() {
                for earlier in sorted[..<index] where earlier.addresses.overlaps(point.addresses) {
                    guard !point.alias, !earlier.alias else { continue }
                    diagnostics.report(
                        at: point.location, "points.\(point.name).address",
                        "\(point.table.rawValue) \(point.address) overlaps point '\(earlier.name)' "
                            + "(\(earlier.address)…\(earlier.addresses.upperBound)); mark one 'alias: true' if meant")
                }
            }
        }
    }

    private func checkReadLimits() {
        for point in profile.points where !point.table.isBits && point.count > profile.timing.maxRegistersPerRead {
            diagnostics.report(
                at: point.location, "points.\(point.name).type",
                "\(point.type) occupies \(point.count) registers, more than max_registers_per_read "
                    + "\(profile.timing.maxRegistersPerRead)")
        }
    }

    private func checkReferences() {
        func point(_ name: String, from field: String, at location: SourceLocation) -> Point? {
            if let point = profile.point(named: name) { return point }
            guard !declaredPointNames.contains(name) else { return nil }
            diagnostics.report(at: location, field, "no point named '\(name)' in this profile")
            return nil
        }
        func checkKind(_ value: ModbusValue, of target: Point, _ field: String, _ location: SourceLocation) {
            let isBool = if case .bool = value { true } else { false }
            if isBool != (target.type == .bool) {
                diagnostics.report(
                    at: location, field,
                    "point '\(target.name)' is \(target.type): expected \(target.type == .bool ? "true or false" : "a number")")
            }
        }
        for command in profile.commands {
            let path = "commands.\(command.name)"
            if let verify = command.verify, let target = profile.point(named: verify.point) {
                checkKind(verify.expect, of: target, "\(path).verify.expect", command.location)
            }
        }
        for event in profile.events {
            let path = "events.\(event.name)"
            guard case .latch(let name, let equals) = event.trigger else { continue }
            if let target = profile.point(named: name) {
                checkKind(equals, of: target, "\(path).trigger.equals", event.location)
            }
            if event.ack == nil {
                diagnostics.report(at: event.location, "\(path).ack", "a latch trigger needs 'ack' to re-arm it")
            }
        }
        for hint in profile.simulation {
            _ = point(hint.point, from: "simulation.\(hint.point)", at: hint.location)
            if let follows = hint.follows {
                _ = point(follows.point, from: "simulation.\(hint.point).follows.point", at: hint.location)
            }
        }
    }

    private func checkDoorRules() {
        guard profile.kind == .door else { return }
        let unlocks = profile.commands.filter(\.isUnlock)
        if unlocks.isEmpty, !declaredCommandNames.contains(where: { $0.contains("unlock") }) {
            diagnostics.report(
                at: profile.location, "commands",
                "a door profile needs an unlock command (a name containing 'unlock') with pulse and verify")
        }
        for command in unlocks {
            if command.pulse == nil {
                diagnostics.report(
                    at: command.location, "commands.\(command.name).pulse",
                    "a door unlock must be a pulse timed by the device ('pulse: {duration_ms: …}'), "
                        + "so a lost link never leaves the door open")
            }
            if command.verify == nil {
                diagnostics.report(
                    at: command.location, "commands.\(command.name).verify",
                    "a door unlock needs 'verify' (read back the bond sensor or door position)")
            }
        }
    }

    /// The fire path is the certified panel: custodyd only watches it, so a smoke-monitor profile
    /// may neither write nor declare writable points.
    private func checkSmokeMonitorRules() {
        guard profile.kind == .smokeMonitor else { return }
        for command in profile.commands {
            diagnostics.report(
                at: command.location, "commands.\(command.name)",
                "a smoke-monitor profile is read-only (the fire path is the panel): remove the command")
        }
        for point in profile.points where point.access != .read {
            diagnostics.report(
                at: point.location, "points.\(point.name).access",
                "a smoke-monitor profile is read-only (the fire path is the panel): access must be r")
        }
    }
}
