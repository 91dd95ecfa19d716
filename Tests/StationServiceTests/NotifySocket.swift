import Glibc

/// A datagram socket standing in for systemd's notification socket: bound to a fresh path in a temporary
/// directory, or to a fresh abstract name.
final class NotifySocket {
    /// The value to put in `NOTIFY_SOCKET`.
    let address: String
    private let fd: Int32
    private let directory: String?

    enum Kind { case path, abstract }

    init(_ kind: Kind) throws {
        fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw SocketError(operation: "socket", code: errno) }
        var name: [UInt8]
        switch kind {
        case .path:
            var template = Array("/tmp/custodyd-notify-XXXXXX".utf8CString)
            guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
                throw SocketError(operation: "mkdtemp", code: errno)
            }
            let directory = String(cString: made)
            self.directory = directory
            address = directory + "/notify"
            name = Array(address.utf8) + [0]
        case .abstract:
            directory = nil
            address = "@custodyd-test-\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
            name = [0] + Array(address.utf8.dropFirst())
        }
        var socketAddress = sockaddr_un()
        socketAddress.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &socketAddress.sun_path) { $0.copyBytes(from: name) }
        let length = socklen_t(MemoryLayout<sa_family_t>.size + name.count)
        let bound = withUnsafePointer(to: &socketAddress) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        guard bound == 0 else { throw SocketError(operation: "bind \(address)", code: errno) }
    }

    deinit {
        close(fd)
        if let directory {
            unlink(directory + "/notify")
            rmdir(directory)
        }
    }

    /// The environment a service would see.
    var environment: [String: String] { ["NOTIFY_SOCKET": address] }

    /// The next datagram's text, or `nil` if none arrives within `timeoutMilliseconds`.
    func receive(timeoutMilliseconds: Int32 = 2_000) -> String? {
        var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, timeoutMilliseconds) == 1 else { return nil }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        guard count >= 0 else { return nil }
        return String(decoding: buffer[..<count], as: UTF8.self)
    }

    /// Every datagram that arrives within `milliseconds`.
    func drain(for milliseconds: Int32) -> [String] {
        var received: [String] = []
        var deadline = timespec()
        clock_gettime(CLOCK_MONOTONIC, &deadline)
        let end = Int64(deadline.tv_sec) * 1_000 + Int64(deadline.tv_nsec) / 1_000_000 + Int64(milliseconds)
        while true {
            var now = timespec()
            clock_gettime(CLOCK_MONOTONIC, &now)
            let left = end - (Int64(now.tv_sec) * 1_000 + Int64(now.tv_nsec) / 1_000_000)
            guard left > 0, let datagram = receive(timeoutMilliseconds: Int32(left)) else { return received }
            received.append(datagram)
        }
    }
}

struct SocketError: Error, CustomStringConvertible {
    let operation: String
    let code: Int32
    var description: String { "\(operation): errno \(code)" }
}
