import Foundation

/// A Modbus master for one endpoint, with a dedicated OS thread that owns the connection.
///
/// One client per TCP endpoint (host:port) serves every unit id behind it, and one client per serial line
/// serves every device on that bus: requests are serialised through one queue, as the bus demands.
/// Commands (writes) jump ahead of queued polls, so the worst-case wait for a door command is the one
/// transaction already in flight. The blocking libmodbus calls never run on Swift's cooperative pool.
public final class ModbusClient: Sendable {
    /// Where to queue a request: commands go before every queued poll.
    public enum Priority: Sendable { case command, poll }

    public let endpoint: ModbusEndpoint
    private let queue: RequestQueue

    /// Starts the client's thread. The link is opened on the first request, not here.
    public init(
        endpoint: ModbusEndpoint, backoff: ReconnectBackoff = ReconnectBackoff(), delayAfterConnectMilliseconds: Int = 0
    ) throws(ModbusError) {
        // Validate the endpoint on the caller's thread so a bad one fails here, not on the first request.
        _ = try ModbusConnection(endpoint: endpoint)
        self.endpoint = endpoint
        let queue = RequestQueue()
        self.queue = queue
        let thread = Thread {
            guard
                let connection = try? ModbusConnection(
                    endpoint: endpoint, backoff: backoff, delayAfterConnectMilliseconds: delayAfterConnectMilliseconds)
            else { return queue.close() }
            while let job = queue.next() {
                let result: Result<ModbusResponse, ModbusError>
                do throws(ModbusError) {
                    result = .success(try connection.perform(job.request, unit: job.unit, timeouts: job.timeouts))
                } catch {
                    result = .failure(error)
                }
                job.completion(result)
            }
            connection.close()
        }
        thread.name = "modbus \(endpoint)"
        thread.start()
    }

    deinit { queue.close() }

    /// Performs one transaction and returns the device's answer.
    public func perform(
        _ request: ModbusRequest, unit: Int, timeouts: ModbusTimeouts = .standard, priority: Priority? = nil
    ) async throws(ModbusError) -> ModbusResponse {
        let result = await withCheckedContinuation { (continuation: CheckedContinuation<Result<ModbusResponse, ModbusError>, Never>) in
            queue.enqueue(
                Job(request: request, unit: unit, timeouts: timeouts) { continuation.resume(returning: $0) },
                priority: priority ?? (request.isWrite ? .command : .poll))
        }
        return try result.get()
    }

    /// Performs one transaction, blocking the calling thread (for command-line tools and worker threads).
    public func performBlocking(
        _ request: ModbusRequest, unit: Int, timeouts: ModbusTimeouts = .standard, priority: Priority? = nil
    ) throws(ModbusError) -> ModbusResponse {
        let done = DispatchSemaphore(value: 0)
        let box = ResultBox()
        queue.enqueue(
            Job(request: request, unit: unit, timeouts: timeouts) {
                box.set($0)
                done.signal()
            }, priority: priority ?? (request.isWrite ? .command : .poll))
        done.wait()
        return try box.get()
    }

    /// Stops the thread after the transaction in flight; queued requests fail with ``ModbusError/closed``.
    public func shutdown() { queue.close() }

    struct Job: Sendable {
        let request: ModbusRequest
        let unit: Int
        let timeouts: ModbusTimeouts
        let completion: @Sendable (Result<ModbusResponse, ModbusError>) -> Void
    }
}

/// The client's two queues. `@unchecked Sendable`: every stored property is read and written only while
/// `condition` is locked.
private final class RequestQueue: @unchecked Sendable {
    private let condition = NSCondition()
    private var commands: [ModbusClient.Job] = []
    private var polls: [ModbusClient.Job] = []
    private var commandHead = 0
    private var pollHead = 0
    private var closed = false

    func enqueue(_ job: ModbusClient.Job, priority: ModbusClient.Priority) {
        condition.lock()
        if closed {
            condition.unlock()
            job.completion(.failure(.closed))
            return
        }
        switch priority {
        case .command: commands.append(job)
        case .poll: polls.append(job)
        }
        condition.signal()
        condition.unlock()
    }

    /// The next job, commands first; nil once closed.
    func next() -> ModbusClient.Job? {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if closed { return nil }
            if let job = take(&commands, &commandHead) ?? take(&polls, &pollHead) { return job }
            condition.wait()
        }
    }

    func close() {
        condition.lock()
        closed = true
        let pending = Array(commands[commandHead...]) + Array(polls[pollHead...])
        commands = []
        polls = []
        commandHead = 0
        pollHead = 0
        condition.broadcast()
        condition.unlock()
        for job in pending { job.completion(.failure(.closed)) }
    }

    private func take(_ jobs: inout [ModbusClient.Job], _ head: inout Int) -> ModbusClient.Job? {
        guard head < jobs.count else { return nil }
        let job = jobs[head]
        head += 1
        if head == jobs.count {
            jobs.removeAll(keepingCapacity: true)
            head = 0
        }
        return job
    }
}

/// `@unchecked Sendable`: written once by the client thread before the semaphore is signalled, read once after.
private final class ResultBox: @unchecked Sendable {
    private var result: Result<ModbusResponse, ModbusError> = .failure(.closed)
    func set(_ value: Result<ModbusResponse, ModbusError>) { result = value }
    func get() throws(ModbusError) -> ModbusResponse { try result.get() }
}
