import DeviceProfiles
public import Modbus
import Synchronization

extension FieldBusSupervisor {
    /// Queues one transaction with `device` at command priority (behind waiting commands, ahead of every
    /// poll) and calls `completion` on the bus thread with the reply or the failure.
    ///
    /// This is how a technician reaches a device while the daemon owns its bus (DESIGN.md, "One owner per
    /// bus"). The reply is not reported as samples and fires no profile events. A write is sent as given,
    /// with no read-back: prefer ``send(command:to:deadlineMs:completion:)`` for the profile's commands.
    ///
    /// - Parameter deadlineMs: how long the transaction may wait for its bus; ``commandDeadlineMs`` if nil.
    public func perform(
        _ request: ModbusRequest, on device: String, deadlineMs: Int? = nil,
        completion: @escaping @Sendable (Result<ModbusResponse, TransactionError>) -> Void
    ) {
        guard let spec = deviceIndex[device], let worker = workers[spec.busID] else {
            return completion(.failure(.unknownDevice(device)))
        }
        do throws(ModbusError) { try request.validate() } catch { return completion(.failure(.modbus(error))) }
        let now = ContinuousClock.now
        let pending = PendingTransaction(
            device: device, request: request, requestedAt: now,
            deadline: now.advanced(by: .milliseconds(deadlineMs ?? commandDeadlineMs)), completion: completion)
        if !worker.inbox.submit(.transaction(pending)) { completion(.failure(.modbus(.closed))) }
    }

    /// Performs `request` on `device` through its bus queue and returns the reply or why there is none.
    public func perform(
        _ request: ModbusRequest, on device: String, deadlineMs: Int? = nil
    ) async -> Result<ModbusResponse, TransactionError> {
        await withCheckedContinuation { continuation in
            perform(request, on: device, deadlineMs: deadlineMs) { continuation.resume(returning: $0) }
        }
    }

    /// Reads the readable points of `device`'s profile now (or only those `named`), in as few reads as
    /// the profile allows, through the bus queue at command priority.
    ///
    /// The reads are queued together, so they go out back to back. A failed read fails only the points
    /// it covers; an unknown device or point name fails the whole call before anything is sent.
    public func readPoints(
        of device: String, named names: [String]? = nil, deadlineMs: Int? = nil
    ) async -> Result<[PointRead], TransactionError> {
        let batches: [ReadBatch]
        switch plan(device: device, names: names) {
        case .success(let planned): batches = planned
        case .failure(let error): return .failure(error)
        }
        let replies = await withCheckedContinuation { continuation in
            performAll(batches.map(\.request), on: device, deadlineMs: deadlineMs) { continuation.resume(returning: $0) }
        }
        var reads: [PointRead] = []
        for (batch, reply) in zip(batches, replies) {
            switch reply {
            case .success(let response):
                let samples = batch.samples(from: response)
                for point in batch.points {
                    let reading = samples.first { $0.point == point.name }?.reading
                        ?? .undecodable(.wrongRegisterCount(type: point.type, expected: point.count, got: 0))
                    reads.append(PointRead(point: point, result: .success(reading)))
                }
            case .failure(let error):
                reads += batch.points.map { PointRead(point: $0, result: .failure(error)) }
            }
        }
        return .success(reads)
    }

    /// The reads covering `names` (all readable points when nil) of `device`'s profile.
    func plan(device: String, names: [String]?) -> Result<[ReadBatch], TransactionError> {
        guard let spec = deviceIndex[device] else { return .failure(.unknownDevice(device)) }
        let profile = spec.profile
        let readable = profile.points.filter(\.access.isPolled)
        var points = readable
        if let names {
            points = []
            for name in names {
                guard let point = readable.first(where: { $0.name == name }) else {
                    return .failure(.unknownPoint(name, device: device, known: readable.map(\.name)))
                }
                if !points.contains(point) { points.append(point) }
            }
        }
        return .success(ReadPlanner.plan(points, timing: profile.timing))
    }

    /// Queues every request at once and calls `completion` with the results, in order, once all are in.
    private func performAll(
        _ requests: [ModbusRequest], on device: String, deadlineMs: Int?,
        completion: @escaping @Sendable ([Result<ModbusResponse, TransactionError>]) -> Void
    ) {
        guard !requests.isEmpty else { return completion([]) }
        let results = Mutex<[Int: Result<ModbusResponse, TransactionError>]>([:])
        for (index, request) in requests.enumerated() {
            perform(request, on: device, deadlineMs: deadlineMs) { result in
                let all: [Result<ModbusResponse, TransactionError>]? = results.withLock { results in
                    results[index] = result
                    guard results.count == requests.count else { return nil }
                    return requests.indices.map { results[$0]! }
                }
                if let all { completion(all) }
            }
        }
    }
}
