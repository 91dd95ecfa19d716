import CModbus
import Foundation
import Glibc
import Synchronization

/// A Modbus/TCP server for simulators: one listening socket, one thread and one libmodbus context per
/// connection, every unit id behind one port (libmodbus 3.1.6 does not filter unit ids on TCP, so the
/// responder picks the unit's tables itself and answers unknown units as a gateway would, with exception 0B).
public final class ModbusTCPServer: Sendable {
    /// The port actually bound (useful after binding port 0).
    public let port: Int
    public let host: String
    private let listener: Int32
    private let stopping = Atomic<Bool>(false)
    private let connections = Mutex<Set<Int32>>([])
    private let acceptThreadDone = DispatchSemaphore(value: 0)

    /// Binds and starts serving at once.
    public init(host: String = "127.0.0.1", port: Int = 0, behavior: any ModbusServerBehavior) throws(ModbusError) {
        let (fd, bound) = try Self.listen(host: host, port: port)
        self.listener = fd
        self.port = bound
        self.host = host
        let thread = Thread { [self] in acceptLoop(behavior: behavior) }
        thread.name = "modbus-server \(host):\(bound)"
        thread.start()
    }

    /// Stops accepting, closes every connection and waits for the accept thread to finish.
    public func stop() {
        guard !stopping.exchange(true, ordering: .sequentiallyConsistent) else { return }
        acceptThreadDone.wait()
        connections.withLock { for fd in $0 { shutdown(fd, Int32(SHUT_RDWR)) } }
    }

    /// Closes every open client connection now (the listener stays), as a device that reboots.
    public func dropConnections() {
        connections.withLock { for fd in $0 { shutdown(fd, Int32(SHUT_RDWR)) } }
    }

    private func acceptLoop(behavior: any ModbusServerBehavior) {
        defer {
            close(listener)
            acceptThreadDone.signal()
        }
        while !stopping.load(ordering: .relaxed) {
            var pfd = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
            guard poll(&pfd, 1, 100) > 0 else { continue }
            let client = accept(listener, nil, nil)
            guard client >= 0 else { continue }
            var one: Int32 = 1
            setsockopt(client, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
            connections.withLock { _ = $0.insert(client) }
            let thread = Thread { [self] in serve(client, behavior: behavior) }
            thread.name = "modbus-server conn \(client)"
            thread.start()
        }
    }

    private func serve(_ fd: Int32, behavior: any ModbusServerBehavior) {
        defer {
            connections.withLock { _ = $0.remove(fd) }
            close(fd)
        }
        guard let context = modbus_new_tcp_pi(nil, "0") else { return }
        defer { modbus_free(context) }
        modbus_set_socket(context, fd)
        modbus_set_response_timeout(context, 0, 1000)  // libmodbus sleeps this long before some exceptions
        var responder = RequestResponder(behavior: behavior, isRTU: false, wire: nil)
        var buffer = [UInt8](repeating: 0, count: Int(MODBUS_TCP_MAX_ADU_LENGTH))
        while !stopping.load(ordering: .relaxed) {
            var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&pfd, 1, 200)
            if ready == 0 { continue }
            if ready < 0 { return }
            let length = modbus_receive(context, &buffer)
            if length <= 0 {
                if length == 0 { continue }
                let code = cmodbus_errno()
                if code == cmodbus_EMBBADDATA || code == cmodbus_EMBBADCRC { modbus_flush(context); continue }
                return  // peer closed or the link broke
            }
            let outcome = buffer.withUnsafeMutableBufferPointer {
                responder.respond(context: context, request: $0.baseAddress!, length: Int(length))
            }
            if outcome == .closeConnection { return }
        }
    }

    private static func listen(host: String, port: Int) throws(ModbusError) -> (Int32, Int) {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV
        var info: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &info) == 0, let first = info else {
            throw .invalidRequest("cannot resolve listen address \(host):\(port)")
        }
        defer { freeaddrinfo(info) }
        let fd = socket(first.pointee.ai_family, first.pointee.ai_socktype, first.pointee.ai_protocol)
        guard fd >= 0 else { throw .connectFailed(errno: errno, detail: "socket for \(host):\(port)") }
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        guard bind(fd, first.pointee.ai_addr, first.pointee.ai_addrlen) == 0, Glibc.listen(fd, 16) == 0 else {
            let code = errno
            close(fd)
            throw .connectFailed(errno: code, detail: "listen on \(host):\(port)")
        }
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let bound = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer -> Int in
                getsockname(fd, pointer, &length)
                if pointer.pointee.sa_family == sa_family_t(AF_INET6) {
                    return pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { Int(UInt16(bigEndian: $0.pointee.sin6_port)) }
                }
                return pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { Int(UInt16(bigEndian: $0.pointee.sin_port)) }
            }
        }
        return (fd, bound)
    }
}
