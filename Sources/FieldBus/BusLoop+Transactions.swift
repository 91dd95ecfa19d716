import Modbus

extension BusLoop {
    /// Runs a queued job: a profile command (with its read-back) or a one-off transaction.
    func execute(_ job: BusJob) {
        switch job {
        case .command(let pending): execute(pending)
        case .transaction(let pending): execute(pending)
        }
    }

    /// Sends a one-off transaction unless it has expired, and hands back the reply as it came.
    ///
    /// It counts in the device's health like any other transaction, but its reply is not reported as
    /// samples and fires no events: a technician's look at a device changes nothing in the station.
    func execute(_ pending: PendingTransaction) {
        let now = ContinuousClock.now
        guard now <= pending.deadline else {
            return pending.completion(.failure(.expired(waitedMs: BusLink.milliseconds(pending.requestedAt.duration(to: now)))))
        }
        guard let device = devices.first(where: { $0.spec.id == pending.device }) else {
            return pending.completion(.failure(.unknownDevice(pending.device)))
        }
        let (result, _) = transact(device, pending.request, purpose: .command)
        pending.completion(result.mapError { .modbus($0) })
    }
}
