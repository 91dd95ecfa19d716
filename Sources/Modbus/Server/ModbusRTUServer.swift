import CModbus
import Foundation
import Glibc
import Synchronization

/// A Modbus RTU server on a pseudo-terminal, serving every unit id its behaviour knows (a whole simulated
/// RS-485 segment on one line). Requests are framed here (see ``RTUFrame``); libmodbus builds the replies.
/// A write to unit 0 (broadcast) is applied by every unit and answered by none, as on a real segment.
public final class ModbusRTUServer: Sendable {
    public let terminal: PseudoTerminal
    private let stopping = Atomic<Bool>(false)
    private let done = DispatchSemaphore(value: 0)

    /// Starts serving. With `wire`, each reply is delayed by the request's and the reply's time on that line.
    public init(behavior: any ModbusServerBehavior, wire: SerialLine? = nil) throws(ModbusError) {
        terminal = try PseudoTerminal()
        let thread = Thread { [self] in serve(behavior: behavior, wire: wire) }
        thread.name = "modbus-rtu-server \(terminal.path)"
        thread.start()
    }

    /// Stops serving and waits for the server thread.
    public func stop() {
        guard !stopping.exchange(true, ordering: .sequentiallyConsistent) else { return }
        done.wait()
    }

    private func serve(behavior: any ModbusServerBehavior, wire: SerialLine?) {
        defer { done.signal() }
        guard let context = modbus_new_rtu("/dev/null", 9600, CChar(bitPattern: UInt8(ascii: "N")), 8, 1) else { return }
        defer { modbus_free(context) }
        let fd = terminal.master
        modbus_set_socket(context, fd)
        modbus_set_response_timeout(context, 0, 1000)
        var responder = RequestResponder(behavior: behavior, isRTU: true, wire: wire)
        var pending: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 512)
        while !stopping.load(ordering: .relaxed) {
            var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            // A frame's bytes arrive together on a pty; a partial frame that stays partial for 50 ms is noise.
            let ready = poll(&pfd, 1, pending.isEmpty ? 200 : 50)
            if ready == 0 {
                pending.removeAll()
                continue
            }
            let count = read(fd, &chunk, chunk.count)
            if count <= 0 {
                usleep(10_000)
                continue
            }
            pending += chunk[0..<count]
            while let length = RTUFrame.requestLength(pending[...]) {
                if length == 0 || pending.count > 256 {
                    pending.removeAll()
                    break
                }
                guard pending.count >= length else { break }
                var frame = Array(pending[0..<length])
                pending.removeFirst(length)
                guard RTUFrame.hasValidCRC(frame[...]) else {
                    pending.removeAll()  // out of step: drop everything until the next silence
                    break
                }
                _ = frame.withUnsafeMutableBufferPointer {
                    responder.respond(context: context, request: $0.baseAddress!, length: length)
                }
            }
        }
    }
}
