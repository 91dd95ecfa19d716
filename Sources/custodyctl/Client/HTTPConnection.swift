import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One HTTP/1.1 exchange over a Unix-domain or TCP socket, with blocking reads bounded by a timeout.
///
/// custodyctl talks only to its own daemon, so this is deliberately small: one request per connection
/// (`Connection: close`), bodies framed by Content-Length, chunked encoding, or the end of the stream.
final class HTTPConnection {
    /// Where the daemon listens.
    enum Address: Sendable, Equatable {
        case unix(path: String)
        case tcp(host: String, port: Int)

        var description: String {
            switch self {
            case .unix(let path): path
            case .tcp(let host, let port): "\(host):\(port)"
            }
        }
    }

    private let descriptor: Int32
    private var pending: [UInt8] = []
    private var ended = false

    /// Connects to `address`; reads give up after `timeout` seconds of silence (0 waits forever).
    init(_ address: Address, timeout: Int = 30) throws(ClientError) {
        switch address {
        case .unix(let path):
            descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
            guard descriptor >= 0 else { throw .connect(address.description, Self.errorText()) }
            var socketAddress = sockaddr_un()
            socketAddress.sun_family = sa_family_t(AF_UNIX)
            let bytes = Array(path.utf8)
            guard bytes.count < MemoryLayout.size(ofValue: socketAddress.sun_path) else {
                close(descriptor)
                throw .connect(path, "the socket path is too long")
            }
            withUnsafeMutableBytes(of: &socketAddress.sun_path) { raw in
                raw.copyBytes(from: bytes)
                raw[bytes.count] = 0
            }
            let result = withUnsafePointer(to: &socketAddress) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
                }
            }
            guard result == 0 else {
                let reason = Self.errorText()
                close(descriptor)
                throw .connect(path, reason)
            }
        case .tcp(let host, let port):
            var hints = addrinfo()
            hints.ai_family = AF_UNSPEC
            hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
            var list: UnsafeMutablePointer<addrinfo>?
            guard getaddrinfo(host, String(port), &hints, &list) == 0, let first = list else {
                throw .connect(address.description, "cannot resolve \(host)")
            }
            defer { freeaddrinfo(list) }
            var connected: Int32 = -1
            var reason = "no address"
            var entry: UnsafeMutablePointer<addrinfo>? = first
            while let current = entry, connected < 0 {
                let candidate = socket(current.pointee.ai_family, current.pointee.ai_socktype, current.pointee.ai_protocol)
                if candidate >= 0, connect(candidate, current.pointee.ai_addr, current.pointee.ai_addrlen) == 0 {
                    connected = candidate
                } else {
                    reason = Self.errorText()
                    if candidate >= 0 { close(candidate) }
                }
                entry = current.pointee.ai_next
            }
            guard connected >= 0 else { throw .connect(address.description, reason) }
            descriptor = connected
        }
        if timeout > 0 {
            var limit = timeval(tv_sec: timeout, tv_usec: 0)
            setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        }
    }

    deinit { close(descriptor) }

    /// Sends the whole of `bytes`.
    func send(_ bytes: [UInt8]) throws(ClientError) {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else { throw .io("cannot send the request: \(Self.errorText())") }
            offset += sent
        }
    }

    /// The next line (without CR LF), or nil at the end of the stream.
    func readLine() throws(ClientError) -> String? {
        while true {
            if let index = pending.firstIndex(of: UInt8(ascii: "\n")) {
                var line = Array(pending[..<index])
                pending.removeFirst(index + 1)
                if line.last == UInt8(ascii: "\r") { line.removeLast() }
                return String(decoding: line, as: UTF8.self)
            }
            guard try fill() else {
                guard !pending.isEmpty else { return nil }
                defer { pending.removeAll() }
                return String(decoding: pending, as: UTF8.self)
            }
        }
    }

    /// Exactly `count` bytes (fewer only if the stream ends).
    func read(count: Int) throws(ClientError) -> [UInt8] {
        while pending.count < count, try fill() {}
        let taken = Array(pending.prefix(count))
        pending.removeFirst(taken.count)
        return taken
    }

    /// Everything up to the end of the stream.
    func readToEnd() throws(ClientError) -> [UInt8] {
        while try fill() {}
        defer { pending.removeAll() }
        return pending
    }

    private func fill() throws(ClientError) -> Bool {
        guard !ended else { return false }
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        let received = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
        if received > 0 {
            pending.append(contentsOf: buffer[..<received])
            return true
        }
        if received == 0 {
            ended = true
            return false
        }
        if errno == EAGAIN || errno == EWOULDBLOCK { throw .io("the daemon did not answer in time") }
        throw .io("cannot read the answer: \(Self.errorText())")
    }

    static func errorText() -> String { String(cString: strerror(errno)) }
}
