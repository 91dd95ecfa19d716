import DeviceProfiles
import Dispatch
import Foundation
import Modbus
import Synchronization

/// One bus's dedicated OS thread (libmodbus blocks and its contexts are not thread-safe, so a bus never
/// runs on Swift's cooperative pool) and the queue that feeds it.
final class BusWorker: Sendable {
    let spec: BusSpec
    let inbox = BusInbox()
    private let devices: [DeviceSpec]
    private let board: StatusBoard
    private let ports: @Sendable () -> [SerialPort]
    private let emit: @Sendable (FieldEvent) -> Void
    private let lifecycle = Mutex(Lifecycle.idle)
    private let finished = DispatchSemaphore(value: 0)

    private enum Lifecycle { case idle, running, stopped }

    init(
        spec: BusSpec, devices: [DeviceSpec], board: StatusBoard, ports: @escaping @Sendable () -> [SerialPort],
        emit: @escaping @Sendable (FieldEvent) -> Void
    ) {
        self.spec = spec
        self.devices = devices
        self.board = board
        self.ports = ports
        self.emit = emit
    }

    /// Starts the thread; a second call does nothing.
    func start() {
        let starting = lifecycle.withLock { state in
            guard state == .idle else { return false }
            state = .running
            return true
        }
        guard starting else { return }
        let (spec, devices, inbox, board, ports, emit, finished) = (
            self.spec, self.devices, self.inbox, self.board, self.ports, self.emit, self.finished
        )
        let thread = Thread {
            BusLoop(spec: spec, devices: devices, inbox: inbox, board: board, ports: ports, emit: emit).run()
            finished.signal()
        }
        thread.name = "fieldbus \(spec.id)"
        thread.start()
    }

    /// Refuses further jobs and fails the waiting ones with ``Modbus/ModbusError/closed``; the thread
    /// ends after the transaction in flight. Returns at once: ``join()`` waits for the thread.
    func requestStop() {
        for job in inbox.stop() {
            switch job {
            case .command(let pending):
                emit(FieldEvent(
                    device: pending.device, timestampMs: BusLoop.wallClockMilliseconds(),
                    kind: .commandFinished(command: pending.command.name, outcome: .failed(.closed))))
                pending.completion(.failed(.closed))
            case .transaction(let pending):
                pending.completion(.failure(.modbus(.closed)))
            }
        }
    }

    /// Waits for the thread to exit (after ``requestStop()``); returns at once if it never started or was
    /// already joined.
    func join() {
        let previous = lifecycle.withLock { state in
            defer { state = .stopped }
            return state
        }
        if previous == .running { finished.wait() }
    }
}
