import Modbus
import Simulator
import Synchronization

/// Every write the simulated devices receive, with the instant it arrived at the simulator.
final class WriteRecorder: Sendable {
    struct Write: Sendable {
        var bus: String
        var unit: Int
        var functionCode: UInt8
        var address: Int
        var at: ContinuousClock.Instant
    }

    private let writes = Mutex<[Write]>([])

    func record(_ write: Write) { writes.withLock { $0.append(write) } }

    /// How many writes have arrived so far; pass it to ``first(after:timeout:where:)`` to see only later ones.
    var count: Int { writes.withLock { $0.count } }

    /// The first write after the first `index` ones for which `match` holds, waiting up to `timeout`.
    func first(
        after index: Int, timeout: Duration = .seconds(5), where match: @Sendable (Write) -> Bool
    ) async -> Write? {
        let deadline = ContinuousClock.now + timeout
        while true {
            let found = writes.withLock { $0.dropFirst(index).first(where: match) }
            if let found { return found }
            if ContinuousClock.now > deadline { return nil }
            try? await Task.sleep(for: .milliseconds(1))
        }
    }

    /// Every write after the first `index` ones.
    func all(after index: Int) -> [Write] { writes.withLock { Array($0.dropFirst(index)) } }
}

extension WriteObservingBus {
    /// A simulated bus whose writes are recorded under `name`.
    init(_ bus: SimulatedBus, name: String, recorder: WriteRecorder) {
        self.init(bus) { request, at in
            recorder.record(.init(bus: name, unit: request.unit, functionCode: request.functionCode, address: request.address, at: at))
        }
    }
}
