import DeviceProfiles
import Modbus

extension BusLoop {
    /// Sends a command unless it has expired, then starts its read-back.
    func execute(_ pending: PendingCommand) {
        let now = ContinuousClock.now
        guard now <= pending.deadline else {
            let waited = BusLink.milliseconds(pending.requestedAt.duration(to: now))
            finish(pending, .expired(waitedMs: waited))
            return
        }
        guard let device = devices.first(where: { $0.spec.id == pending.device }) else {
            finish(pending, .unknownDevice(pending.device))
            return
        }
        let (result, stamp) = transact(device, pending.command.request, purpose: .command)
        switch result {
        case .failure(let error):
            finish(pending, .failed(error), at: stamp)
        case .success:
            let done = ContinuousClock.now
            guard let verify = pending.command.verify, let point = device.profile.point(named: verify.point),
                let batch = ReadPlanner.plan([point], timing: device.profile.timing).first
            else {
                finish(pending, .acknowledged(elapsedMs: BusLink.milliseconds(pending.requestedAt.duration(to: done))), at: stamp)
                return
            }
            startVerification(
                Verification(
                    pending: pending, device: device, verify: verify, batch: batch,
                    deadline: done.advanced(by: .milliseconds(verify.withinMs)), due: done))
        }
    }

    /// Reads a command's verify point once; gives up at the verify deadline.
    func checkVerification(_ id: Int) {
        guard let verification = verifications[id] else { return }
        let (result, stamp) = transact(verification.device, verification.batch.request, purpose: .read)
        if case .success(let response) = result {
            observe(verification.device, verification.batch.samples(from: response), at: stamp)
        }
        guard let still = verifications[id] else { return }  // satisfied by this reply
        let now = ContinuousClock.now
        if now >= still.deadline {
            verifications[id] = nil
            finish(still.pending, .notVerified(lastReading: still.last), at: stamp)
        } else {
            verifications[id]?.due = now.advanced(by: .milliseconds(Self.verifyIntervalMs))
        }
    }

    /// Reports a command's outcome to its sender and as an event.
    func finish(_ pending: PendingCommand, _ outcome: CommandOutcome, at stamp: Int64 = BusLoop.wallClockMilliseconds()) {
        emit(FieldEvent(device: pending.device, timestampMs: stamp, kind: .commandFinished(command: pending.command.name, outcome: outcome)))
        pending.completion(outcome)
    }
}
