import DeviceProfiles
import Glibc
import Modbus

/// The loop one bus thread runs: a waiting command (or one-off transaction) first, then the earliest due read (read-backs of
/// commands before polls), one transaction at a time, with the bus's and devices' pauses between them.
/// Confined to its thread; nothing here is shared except through ``BusInbox``, ``StatusBoard`` and the
/// event callback.
final class BusLoop {
    /// A command read-back in progress.
    struct Verification {
        let pending: PendingCommand
        let device: DeviceState
        let verify: Verify
        let batch: ReadBatch
        let deadline: ContinuousClock.Instant
        var due: ContinuousClock.Instant
        var last: PointReading?
    }

    /// Why a transaction is made: commands are never held up by other commands; reads and
    /// acknowledgements let every waiting command go first.
    enum Purpose { case read, acknowledge, command }

    /// The next thing to do: a device (by its index in `devices`) and batch to poll, or a read-back.
    enum Task {
        case poll(device: Int, batch: Int)
        case verify(id: Int)
    }

    /// Pause between read-backs of one command.
    static let verifyIntervalMs = 50

    let link: BusLink
    let devices: [DeviceState]
    let inbox: BusInbox
    let board: StatusBoard
    let emit: @Sendable (FieldEvent) -> Void
    private let busGapMs: Int
    var verifications: [Int: Verification] = [:]
    private var nextVerificationID = 0
    /// No transaction starts before this instant (inter-request pauses).
    private var quietUntil: ContinuousClock.Instant
    /// Each device's next poll, in nanoseconds after `epoch` (`Int64.max`: nothing to poll), by index in
    /// `devices`: choosing the next read is a scan of plain integers, which a bus of 247 units does in
    /// well under a microsecond. Refreshed after every transaction (``transact`` ends with it; a poll's
    /// `willPoll` comes before its transaction) and after a refusal puts a batch off.
    private var pollDue: [Int64]
    private let epoch: ContinuousClock.Instant

    init(
        spec: BusSpec, devices: [DeviceSpec], inbox: BusInbox, board: StatusBoard,
        ports: @escaping () -> [SerialPort], emit: @escaping @Sendable (FieldEvent) -> Void
    ) {
        let now = ContinuousClock.now
        self.devices = devices.enumerated().map { DeviceState(spec: $1, index: $0, now: now) }
        epoch = now
        pollDue = Array(repeating: Int64.max, count: devices.count)
        let delay = devices.map(\.profile.timing.delayAfterConnectMs).max() ?? 0
        link = BusLink(spec: spec, delayAfterConnectMs: delay, ports: ports)
        self.inbox = inbox
        self.board = board
        self.emit = emit
        busGapMs = spec.interRequestMs ?? 0
        quietUntil = now
        for device in self.devices { refreshSchedule(device) }
    }

    /// Runs until the inbox is stopped, then fails the read-backs in progress and closes the link.
    func run() {
        while !inbox.isStopping {
            let now = ContinuousClock.now
            if quietUntil > now {
                inbox.wait(until: quietUntil)
                continue
            }
            if let job = inbox.take() {
                execute(job)
                continue
            }
            guard let (task, due) = nextTask(now: now) else {
                inbox.wait(until: now.advanced(by: .seconds(1)))
                continue
            }
            if due > now {
                inbox.wait(until: due)
                continue
            }
            switch task {
            case .poll(let device, let batch): poll(devices[device], batch: batch)
            case .verify(let id): checkVerification(id)
            }
        }
        for verification in verifications.values { finish(verification.pending, .failed(.closed)) }
        verifications = [:]
        link.close()
    }

    private func nextTask(now: ContinuousClock.Instant) -> (Task, ContinuousClock.Instant)? {
        let verification = verifications.min { $0.value.due < $1.value.due }
        if let verification, verification.value.due <= now {
            return (.verify(id: verification.key), verification.value.due)  // read-backs go before polls
        }
        var earliest = -1, earliestDue = Int64.max
        pollDue.withUnsafeBufferPointer { dues in
            for index in dues.indices where dues[index] < earliestDue {
                earliest = index
                earliestDue = dues[index]
            }
        }
        let poll = earliest < 0 ? nil : devices[earliest].nextPoll().map { (Task.poll(device: earliest, batch: $0.index), $0.due) }
        guard let verification else { return poll }
        if let poll, poll.1 < verification.value.due { return poll }
        return (.verify(id: verification.key), verification.value.due)
    }

    /// Takes the device's next poll into the schedule.
    private func refreshSchedule(_ device: DeviceState) {
        if let due = device.nextPoll()?.due {
            let (seconds, attoseconds) = epoch.duration(to: due).components
            pollDue[device.index] = seconds * 1_000_000_000 + attoseconds / 1_000_000_000
        } else {
            pollDue[device.index] = Int64.max
        }
    }

    /// Starts reading a written command's verify point back.
    func startVerification(_ verification: Verification) {
        verifications[nextVerificationID] = verification
        nextVerificationID += 1
    }

    // MARK: Polls

    private func poll(_ device: DeviceState, batch index: Int) {
        let batch = device.batches[index].batch
        device.willPoll(index, now: ContinuousClock.now)
        let (result, stamp) = transact(device, batch.request, purpose: .read)
        switch result {
        case .success(let response):
            observe(device, batch.samples(from: response), at: stamp)
        case .failure(.deviceRefused):
            device.refused(index, now: .now)  // retrying at once will not help
            refreshSchedule(device)
        case .failure:
            break
        }
    }

    /// Reports a reply's samples, feeds the read-backs waiting on its points and fires its events.
    ///
    /// Read-backs are fed before the events, whose follow-up transactions may send a waiting command:
    /// a read-back is only ever satisfied by a reply read after its command was written.
    func observe(_ device: DeviceState, _ samples: [PointSample], at stamp: Int64) {
        for sample in device.changes(in: samples) {
            emit(FieldEvent(device: device.spec.id, timestampMs: stamp, kind: .sample(point: sample.point, reading: sample.reading)))
        }
        for (id, verification) in verifications where verification.device === device {
            guard let sample = samples.first(where: { $0.point == verification.verify.point }) else { continue }
            verifications[id]?.last = sample.reading
            if verification.verify.isSatisfied(by: sample.reading) {
                verifications[id] = nil
                let elapsed = BusLink.milliseconds(verification.pending.requestedAt.duration(to: .now))
                finish(verification.pending, .verified(elapsedMs: elapsed), at: stamp)
            }
        }
        handleEvents(device, samples, at: stamp)
    }

    // MARK: Transactions

    /// One transaction with `device`, counted, timed and classified; updates the device's health.
    ///
    /// Waiting jobs (commands and one-off transactions) are sent first, even in the middle of an event's
    /// follow-up reads, and the bus's pause is kept before every transaction: a command waits for at most
    /// the one transaction in flight.
    func transact(
        _ device: DeviceState, _ request: ModbusRequest, purpose: Purpose
    ) -> (Result<ModbusResponse, ModbusError>, Int64) {
        if purpose != .command {
            while let pending = inbox.take() { execute(pending) }
        }
        while ContinuousClock.now < quietUntil { inbox.wait(until: quietUntil) }
        let result: Result<ModbusResponse, ModbusError>
        var roundTrip = Duration.zero
        do {
            let reply = try link.perform(request, unit: device.spec.unit, timeouts: device.timeouts)
            result = .success(reply.response)
            roundTrip = reply.roundTrip
        } catch {
            result = .failure(error)
        }
        let ended = ContinuousClock.now
        let stamp = Self.wallClockMilliseconds()
        quietUntil = ended.advanced(by: .milliseconds(max(busGapMs, device.profile.timing.interRequestMs)))
        let id = device.spec.id
        switch result {
        case .success:
            let (seconds, attoseconds) = roundTrip.components
            let latency = Double(seconds) * 1000 + Double(attoseconds) / 1e15
            board.record(device: id, isPoll: purpose == .read, latencyMs: latency, error: nil)
            if device.answered(now: ended) {
                emit(FieldEvent(device: id, timestampMs: stamp, kind: .online))
            }
        case .failure(let error):
            board.record(device: id, isPoll: purpose == .read, latencyMs: nil, error: error)
            switch error {
            case .deviceRefused:
                // Alive, but the profile asks for something this unit does not have: a configuration fault.
                if device.answered(now: ended) {
                    emit(FieldEvent(device: id, timestampMs: stamp, kind: .online))
                }
            case .invalidRequest, .closed:
                break  // nothing was sent: not a miss
            default:
                if device.missed(error, now: ended) {
                    emit(FieldEvent(device: id, timestampMs: stamp, kind: .offline(error: device.cause ?? error, misses: device.misses)))
                }
            }
        }
        board.setHealth(device: id, health: device.health, misses: device.misses)
        refreshSchedule(device)
        return (result, stamp)
    }

    /// Wall-clock UTC milliseconds since 1970.
    static func wallClockMilliseconds() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Int64(now.tv_sec) * 1000 + Int64(now.tv_nsec) / 1_000_000
    }
}
