import Glibc

/// One client of a ``ControlServer``: a command that waits (`wait`) or streams (`watch`) writes its lines
/// here itself instead of returning one reply.
public final class ControlConnection: Sendable {
    private let fd: Int32

    init(fd: Int32) { self.fd = fd }

    /// Sends one line (a newline is added). Returns false once the client has gone.
    @discardableResult
    public func send(_ line: String) -> Bool {
        let bytes = Array((line + "\n").utf8)
        var sent = 0
        while sent < bytes.count {
            // MSG_NOSIGNAL: a client that hung up must not kill the simulator with SIGPIPE.
            let count = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + sent, $0.count - sent, Int32(MSG_NOSIGNAL)) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return false }
            sent += count
        }
        return true
    }

    /// Whether the client has closed its end (lines it sent meanwhile stay queued for later).
    public var isClosed: Bool {
        var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&pfd, 1, 0) > 0 else { return false }
        if pfd.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 { return true }
        var byte: UInt8 = 0
        return recv(fd, &byte, 1, Int32(MSG_PEEK | MSG_DONTWAIT)) == 0
    }
}
