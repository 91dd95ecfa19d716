import DeviceProfiles
import Dispatch
import Modbus
import Synchronization

/// Runs the station's field buses: one worker thread per bus polls its devices on their schedules,
/// reports what changed through one callback, and sends commands ahead of every poll.
///
/// Events are delivered on the bus's own thread as replies arrive, so a fire-panel input reaches the
/// station core without a hop through the cooperative pool; the callback must return quickly (hand the
/// event on, do not block on disk). Commands carry a deadline: one that waited too long (a link down, a
/// bus stuck behind timeouts) is reported expired and never sent, so an unlock cannot fire late.
///
///     let fieldBus = try FieldBusSupervisor(
///         buses: [BusSpec(id: "rs485-a", endpoint: .rtu(PortSelector(byPath: port), try SerialLine(shorthand: "9600-8N1")))],
///         devices: [DeviceSpec(id: "door-3", busID: "rs485-a", unit: 4, profile: waveshareDoor)],
///         onEvent: { event in core.enqueue(event) })
///     fieldBus.start()
///     let outcome = await fieldBus.send(command: "unlock", to: "door-3")   // .verified(elapsedMs: 240)
///     fieldBus.stop()
public final class FieldBusSupervisor: Sendable {
    /// The devices, in configuration order.
    public let devices: [DeviceSpec]
    /// How long a command may wait for its bus before it is dropped as expired.
    public let commandDeadlineMs: Int
    let workers: [String: BusWorker]
    private let board: StatusBoard
    let deviceIndex: [String: DeviceSpec]
    private let emit: @Sendable (FieldEvent) -> Void

    /// Checks the configuration; nothing is opened or started until ``start()``.
    ///
    /// - Parameters:
    ///   - commandDeadlineMs: how long a command may wait in its bus queue before it expires unsent.
    ///   - ports: the serial adapters present (udev); tests may substitute a fixed list.
    ///   - onEvent: called on a bus thread for every ``FieldEvent``.
    public init(
        buses: [BusSpec], devices: [DeviceSpec], commandDeadlineMs: Int = 2000,
        ports: @escaping @Sendable () -> [SerialPort] = SerialPortDiscovery.ports,
        onEvent: @escaping @Sendable (FieldEvent) -> Void
    ) throws(FieldBusConfigurationError) {
        try Self.validate(buses: buses, devices: devices)
        let deviceIndex = Dictionary(uniqueKeysWithValues: devices.map { ($0.id, $0) })
        let board = StatusBoard(devices: devices)
        self.devices = devices
        self.deviceIndex = deviceIndex
        self.commandDeadlineMs = commandDeadlineMs
        self.board = board
        self.emit = onEvent
        workers = Dictionary(
            uniqueKeysWithValues: buses.map { bus in
                (bus.id, BusWorker(
                    spec: bus, devices: devices.filter { $0.busID == bus.id }, board: board, ports: ports, emit: onEvent))
            })
    }

    /// Starts every bus thread. Polling begins at once; links open on the first transaction.
    public func start() {
        for worker in workers.values { worker.start() }
    }

    /// Stops every bus: waiting commands fail with `.closed`, each thread finishes its transaction in
    /// flight, and the call returns once all threads have exited. The supervisor cannot be restarted.
    public func stop() {
        for worker in workers.values { worker.requestStop() }  // every bus winds down at once
        for worker in workers.values { worker.join() }
    }

    /// A supervisor dropped without ``stop()`` still winds its buses down (without waiting: the last
    /// reference may go on a bus thread, which cannot wait for itself).
    deinit {
        for worker in workers.values { worker.requestStop() }
    }

    /// Queues `command` at the front of its device's bus (behind other commands only) and calls
    /// `completion` on the bus thread when it is verified, fails or expires. Safe to call from the event
    /// callback (a fire input can release the doors at once).
    ///
    /// - Parameter deadlineMs: how long the command may wait for its bus; ``commandDeadlineMs`` if nil.
    public func send(
        command: String, to device: String, deadlineMs: Int? = nil,
        completion: @escaping @Sendable (CommandOutcome) -> Void
    ) {
        guard let spec = deviceIndex[device], let worker = workers[spec.busID] else {
            return completion(.unknownDevice(device))
        }
        guard let definition = spec.profile.command(named: command) else { return completion(.unknownCommand(command)) }
        let now = ContinuousClock.now
        let pending = PendingCommand(
            device: device, command: definition, requestedAt: now,
            deadline: now.advanced(by: .milliseconds(deadlineMs ?? commandDeadlineMs)), completion: completion)
        if !worker.inbox.submit(.command(pending)) { completion(.failed(.closed)) }
    }

    /// Sends `command` and returns how it ended.
    public func send(command: String, to device: String, deadlineMs: Int? = nil) async -> CommandOutcome {
        await withCheckedContinuation { continuation in
            send(command: command, to: device, deadlineMs: deadlineMs) { continuation.resume(returning: $0) }
        }
    }

    /// Sends `command` and blocks the calling thread until it ends, for threads of their own (not the
    /// cooperative pool). Never call it from the event callback: that runs on a bus thread, which would
    /// wait for itself.
    public func sendAndWait(command: String, to device: String, deadlineMs: Int? = nil) -> CommandOutcome {
        let done = DispatchSemaphore(value: 0)
        let outcome = Mutex<CommandOutcome>(.failed(.closed))
        send(command: command, to: device, deadlineMs: deadlineMs) { result in
            outcome.withLock { $0 = result }
            done.signal()
        }
        done.wait()
        return outcome.withLock { $0 }
    }

    /// The unlock command of every door device (its first command whose name contains `unlock`).
    public var doorUnlockCommands: [(device: String, command: String)] {
        devices.compactMap { spec in
            guard spec.profile.kind == .door, let unlock = spec.profile.commands.first(where: \.isUnlock) else { return nil }
            return (spec.id, unlock.name)
        }
    }

    /// Sends every door's unlock pulse at command priority, all queued before any is awaited, and returns
    /// each door's outcome (a fire release: the panel releases the locks by wire; this confirms it).
    public func unlockAllDoors() async -> [String: CommandOutcome] {
        await withCheckedContinuation { continuation in
            unlockAllDoors { continuation.resume(returning: $0) }
        }
    }

    /// ``unlockAllDoors()`` with a callback, called once every door has an outcome.
    public func unlockAllDoors(completion: @escaping @Sendable ([String: CommandOutcome]) -> Void) {
        let targets = doorUnlockCommands
        guard !targets.isEmpty else { return completion([:]) }
        let results = Mutex<[String: CommandOutcome]>([:])
        for (device, command) in targets {
            send(command: command, to: device) { outcome in
                let all: [String: CommandOutcome]? = results.withLock { results in
                    results[device] = outcome
                    return results.count == targets.count ? results : nil
                }
                if let all { completion(all) }
            }
        }
    }

    /// Every device's health, traffic and latency, in configuration order.
    public func status() -> [DeviceStatus] { board.snapshot() }
}
