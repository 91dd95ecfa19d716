public import DeviceProfiles
public import Modbus
import Synchronization

/// One device model brought to life from its profile: the registers it serves, and how they move.
///
/// Sensors drift within their `simulation` ranges; a command with a device-timed pulse drives its output
/// for the pulse's duration and then reverts by itself, as the real module does; points that `follow`
/// another (a bond sensor following the lock relay) change after their delay; a reader latches one tag
/// read until the master acknowledges it, and queues the ones that arrive meanwhile.
public final class SimulatedDevice: Sendable {
    public let profile: DeviceProfile
    public let unit: Int
    public let store: ModbusDataStore
    let state: Mutex<State>
    /// Held while a queued tag is latched: the control thread (a new read) and the ticker (an
    /// acknowledged latch) both deliver, and the check of the latch, the dequeue and the writes must
    /// not interleave, or two reads latch over each other and one is lost.
    private let delivery = Mutex(())

    struct State {
        var rng: SplitMix64
        var fault: DeviceFault?
        var pulses: [String: ActivePulse] = [:]
        var pendingFollows: [String: (value: ModbusValue, due: ContinuousClock.Instant)] = [:]
        var nextDrift: ContinuousClock.Instant
        var tagQueue: [String] = []
        /// Points a control `set` has fixed: they no longer drift (a CO₂ excursion stays an excursion).
        var pinned: Set<String> = []
    }

    struct ActivePulse {
        var command: Command
        var revertAt: ContinuousClock.Instant
        var revertValue: Bool
    }

    public init(profile: DeviceProfile, unit: Int, seed: UInt64 = 1) throws {
        self.profile = profile
        self.unit = unit
        self.store = try ModbusDataStore(ranges: Self.ranges(of: profile))
        self.state = Mutex(State(rng: SplitMix64(seed: seed &+ UInt64(unit)), nextDrift: ContinuousClock.now))
        for hint in profile.simulation {
            guard let point = profile.point(named: hint.point), let initial = hint.initial ?? hint.drift.map({ .double(($0.min + $0.max) / 2) })
            else { continue }
            try? write(initial, to: point)
        }
        // At power-on the followers are already settled (a locked door's bond sensor reads bonded).
        for hint in profile.simulation {
            guard let follows = hint.follows, var value = (try? value(of: follows.point))?.value,
                let point = profile.point(named: hint.point)
            else { continue }
            if follows.invert, case .bool(let flag) = value { value = .bool(!flag) }
            try? write(value, to: point)
        }
    }

    /// The addresses each table must serve: every point, every standard command, every acknowledgement.
    static func ranges(of profile: DeviceProfile) -> [ModbusTable: ClosedRange<Int>] {
        var spans: [ModbusTable: ClosedRange<Int>] = [:]
        func cover(_ table: ModbusTable, _ range: ClosedRange<Int>) {
            spans[table] = spans[table].map { min($0.lowerBound, range.lowerBound)...max($0.upperBound, range.upperBound) } ?? range
        }
        for point in profile.points { cover(point.table, point.addresses) }
        for command in profile.commands where !command.write.raw {
            cover(command.table, command.address...(command.address + max(1, command.write.values.count) - 1))
        }
        for event in profile.events { if let ack = event.ack { cover(ack.table, ack.address...ack.address) } }
        return spans
    }

    // MARK: Reading and writing points

    /// The point's current engineering value.
    public func value(of name: String) throws(SimulatorError) -> PointReading {
        let point = try self.point(name)
        do {
            if point.table.isBits { return point.reading(bit: try store.bits(point.table, address: point.address, count: 1)[0]) }
            return point.reading(registers: try store.registers(point.table, address: point.address, count: point.count))
        } catch {
            throw .invalid("\(name): \(error)")
        }
    }

    /// Sets a point to an engineering value, as the physical world would (a door opens, the air warms).
    public func set(_ name: String, to value: ModbusValue) throws(SimulatorError) {
        try write(value, to: try point(name))
    }

    func point(_ name: String) throws(SimulatorError) -> Point {
        guard let point = profile.point(named: name) else {
            throw .invalid("\(profile.id) has no point '\(name)' (points: \(profile.points.map(\.name).joined(separator: ", ")))")
        }
        return point
    }

    func write(_ value: ModbusValue, to point: Point) throws(SimulatorError) {
        do {
            if point.table.isBits {
                try store.setBits(point.table, address: point.address, values: [value.numericValue.map { $0 != 0 } ?? false])
            } else {
                var value = value
                let isInteger = point.type.isNumeric && point.type != .float32 && point.type != .float64
                if isInteger, point.scale == 1, point.offset == 0, case .double(let number) = value { value = .double(number.rounded()) }
                try store.setRegisters(point.table, address: point.address, values: try point.registers(for: value))
            }
        } catch let error as CodecError {
            throw .invalid("\(point.name): cannot hold \(value): \(error)")
        } catch {
            throw .invalid("\(point.name): \(error)")
        }
    }

    // MARK: Faults

    public func inject(_ fault: DeviceFault?) { state.withLock { $0.fault = fault } }

    public var currentFault: DeviceFault? { state.withLock { $0.fault } }

    func nextFault() -> ServerFault? {
        state.withLock { s in
            guard let fault = s.fault else { return nil }
            if fault.once { s.fault = nil }
            return fault.fault
        }
    }

    // MARK: Tags

    /// A wristband read: latched at once if the reader is free, queued until acknowledged otherwise.
    public func readTag(_ tag: String) throws(SimulatorError) {
        guard profile.events.contains(where: { if case .latch = $0.trigger { true } else { false } }) ||
            profile.events.contains(where: { if case .counter = $0.trigger { !$0.capture.isEmpty } else { false } })
        else { throw .invalid("\(profile.id) reads no tags (no latch or counter event)") }
        state.withLock { $0.tagQueue.append(tag) }
        deliverQueuedTag()
    }

    /// Tag reads waiting for the master's acknowledgement.
    public var queuedTags: Int { state.withLock { $0.tagQueue.count } }

    func deliverQueuedTag() {
        delivery.withLock { _ in deliverQueuedTagAlone() }
    }

    private func deliverQueuedTagAlone() {
        for event in profile.events {
            switch event.trigger {
            case .latch(let latchName, let equals):
                guard let latch = profile.point(named: latchName), let captureName = event.capture.first,
                    let capture = profile.point(named: captureName)
                else { continue }
                let latched = (try? value(of: latchName))?.value == equals
                guard !latched, let tag = state.withLock({ $0.tagQueue.isEmpty ? nil : $0.tagQueue.removeFirst() }) else { return }
                try? write(.string(tag), to: capture)
                try? write(equals, to: latch)
                return
            case .counter(let counterName):
                guard let captureName = event.capture.first, let capture = profile.point(named: captureName),
                    case .string = capture.type, let counter = profile.point(named: counterName),
                    let tag = state.withLock({ $0.tagQueue.isEmpty ? nil : $0.tagQueue.removeFirst() })
                else { continue }
                try? write(.string(tag), to: capture)
                let current = (try? value(of: counterName))?.value?.numericValue ?? 0
                try? write(.uint(UInt64(max(0, current)) &+ 1), to: counter)
                return
            }
        }
    }

    /// Counts one occurrence on a counter point (e.g. a door forced open).
    public func bump(_ name: String) throws(SimulatorError) {
        let current = try value(of: name).value?.numericValue ?? 0
        try set(name, to: .uint(UInt64(max(0, current)) &+ 1))
    }
}

/// A control or configuration request the simulator cannot carry out.
public enum SimulatorError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalid(String)
    public var description: String { if case .invalid(let text) = self { text } else { "" } }
}
