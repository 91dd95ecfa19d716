import DeviceProfiles
import FieldBus
import Modbus
import Synchronization

/// What the daemon's taps saw, each with the instant it was reported: tag reads, fire-alarm samples and
/// finished commands from the bus threads, and door commands as they were handed to the buses.
final class Timeline: Sendable {
    enum Mark: Sendable, Equatable {
        case tagRead(device: String)
        case fireAlarm(device: String, active: Bool)
        case commandFinished(device: String, command: String, succeeded: Bool)
        case doorCommand(command: String, door: String?)
    }

    struct Entry: Sendable {
        var mark: Mark
        var at: ContinuousClock.Instant
    }

    private let entries = Mutex<[Entry]>([])

    /// The daemon's field-event tap: keeps only what the measurements need.
    func fieldEvent(_ event: FieldEvent) {
        let at = ContinuousClock.now
        let mark: Mark
        switch event.kind {
        case .occurred(let name, _, _) where name == "tag_read": mark = .tagRead(device: event.device)
        case .sample(let point, let reading) where point == "fire_alarm":
            guard case .bool(let active)? = reading.value else { return }
            mark = .fireAlarm(device: event.device, active: active)
        case .commandFinished(let command, let outcome):
            mark = .commandFinished(device: event.device, command: command, succeeded: outcome.succeeded)
        default: return
        }
        entries.withLock { $0.append(Entry(mark: mark, at: at)) }
    }

    /// The daemon's door-command tap.
    func doorCommand(command: String, door: String?, at: ContinuousClock.Instant) {
        entries.withLock { $0.append(Entry(mark: .doorCommand(command: command, door: door), at: at)) }
    }

    var count: Int { entries.withLock { $0.count } }

    /// Entries after the first `index` ones that match.
    func entries(after index: Int, where match: (Mark) -> Bool) -> [Entry] {
        entries.withLock { $0.dropFirst(index).filter { match($0.mark) } }
    }

    /// Waits up to `timeout` for `count` matching entries after the first `index` ones.
    func wait(
        for count: Int = 1, after index: Int, timeout: Duration = .seconds(5), where match: @escaping @Sendable (Mark) -> Bool
    ) async -> [Entry]? {
        let deadline = ContinuousClock.now + timeout
        while true {
            let found = entries(after: index, where: match)
            if found.count >= count { return found }
            if ContinuousClock.now > deadline { return nil }
            try? await Task.sleep(for: .milliseconds(1))
        }
    }
}
