import Foundation
import Glibc
import Synchronization

/// A line protocol on a Unix socket for steering a running simulator: one command per line in, one reply
/// line out (`ok …` or `error …`). Tests and scenario runs connect to it; so can a technician with
/// `socat - UNIX-CONNECT:PATH`. The commands are documented in simulators/README.md.
public final class ControlServer: Sendable {
    public let path: String
    private let listener: Int32
    private let stopping = Atomic<Bool>(false)
    private let done = DispatchSemaphore(value: 0)

    /// Listens at `path`; `handler` answers each line with one reply line.
    public convenience init(path: String, handler: @escaping @Sendable (String) -> String) throws {
        try self.init(path: path, connectionHandler: { line, _ in handler(line) })
    }

    /// Listens at `path`; `connectionHandler` answers each line with one reply line, or returns nil when it
    /// wrote its replies to the connection itself (a command that waits or streams).
    public init(path: String, connectionHandler handler: @escaping @Sendable (String, ControlConnection) -> String?) throws {
        unlink(path)
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ControlError.cannotListen(path: path, errno: errno) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else {
            close(fd)
            throw ControlError.pathTooLong(path)
        }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (i, byte) in bytes.enumerated() { raw[i] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard bound == 0, listen(fd, 8) == 0 else {
            let code = errno
            close(fd)
            throw ControlError.cannotListen(path: path, errno: code)
        }
        self.path = path
        self.listener = fd
        let thread = Thread { [self] in acceptLoop(handler) }
        thread.name = "sim-control"
        thread.start()
    }

    public func stop() {
        guard !stopping.exchange(true, ordering: .sequentiallyConsistent) else { return }
        done.wait()
        unlink(path)
    }

    private func acceptLoop(_ handler: @escaping @Sendable (String, ControlConnection) -> String?) {
        defer {
            close(listener)
            done.signal()
        }
        while !stopping.load(ordering: .relaxed) {
            var pfd = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
            guard poll(&pfd, 1, 100) > 0 else { continue }
            let client = accept(listener, nil, nil)
            guard client >= 0 else { continue }
            let thread = Thread { Self.serve(client, handler) }
            thread.start()
        }
    }

    private static func serve(_ fd: Int32, _ handler: @Sendable (String, ControlConnection) -> String?) {
        defer { close(fd) }
        let connection = ControlConnection(fd: fd)
        var pending: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1024)
        while true {
            let count = read(fd, &chunk, chunk.count)
            guard count > 0 else { return }
            pending += chunk[0..<count]
            while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: pending[..<newline], as: UTF8.self).trimmingCharacters(in: .whitespaces)
                pending.removeSubrange(...newline)
                guard !line.isEmpty else { continue }
                if let reply = handler(line, connection), !connection.send(reply) { return }
            }
        }
    }
}

public enum ControlError: Error, CustomStringConvertible {
    case cannotListen(path: String, errno: Int32)
    case pathTooLong(String)

    public var description: String {
        switch self {
        case .cannotListen(let path, let code): "cannot listen on control socket \(path) (errno \(code))"
        case .pathTooLong(let path): "control socket path is too long: \(path)"
        }
    }
}
