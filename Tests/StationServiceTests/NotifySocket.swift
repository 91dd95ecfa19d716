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

    /// The next datagram's text, waiting up to `timeout` without holding a thread of the cooperative pool
    /// (other tests run there, and so does the watchdog under test).
    func next(within timeout: Duration) async -> String? {
        let deadline = ContinuousClock.now + timeout
        while true {
            if let datagram = receive(timeoutMilliseconds: 0) { return datagram }
            guard ContinuousClock.now < deadline else { return nil }
            try? await Task.sleep(for: .milliseconds(5))
        }
    }

    /// The datagrams already waiting.
    func pending() -> [String] {
        var received: [String] = []
        while let datagram = receive(timeoutMilliseconds: 0) { received.append(datagram) }
        return received
    }
}

/// Waits up to `timeout` for `condition`, checking every few milliseconds without blocking a thread.
func eventually(within timeout: Duration = .seconds(10), _ condition: () -> Bool) async -> Bool {
    let deadline = ContinuousClock.now + timeout
    while !condition() {
        guard ContinuousClock.now < deadline else { return false }
        try? await Task.sleep(for: .milliseconds(5))
    }
    return true
}

struct SocketError: Error, CustomStringConvertible {
    let operation: String
    let code: Int32
    var description: String { "\(operation): errno \(code)" }
}
