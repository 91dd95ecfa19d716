import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A small HTTP/1.1 client for the API tests: one request per connection, over a Unix socket or TCP on
/// loopback. Blocking socket calls run on a thread of their own, never on the cooperative pool.
struct APITestClient: Sendable {
    enum Endpoint: Sendable {
        case unix(String)
        case tcp(Int)
    }

    struct Reply: Sendable {
        var status: Int
        var head: String
        var body: String

        func json() throws -> Any { try JSONSerialization.jsonObject(with: Data(body.utf8), options: [.fragmentsAllowed]) }
        func object() throws -> [String: Any] { try #require(json() as? [String: Any]) }
        func array() throws -> [[String: Any]] { try #require(json() as? [[String: Any]]) }
    }

    let endpoint: Endpoint
    var token: String?

    func get(_ path: String) async throws -> Reply { try await send("GET", path, body: nil) }

    func post(_ path: String, _ body: String) async throws -> Reply { try await send("POST", path, body: body) }

    func post(_ path: String, json: [String: Any]) async throws -> Reply {
        let data = try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys])
        return try await send("POST", path, body: String(decoding: data, as: UTF8.self))
    }

    /// Sends a request and reads the raw answer until the server closes or `until` holds over what has
    /// arrived (for event streams), or `timeout` seconds pass.
    func send(_ method: String, _ path: String, body: String?, timeout: Int = 10, until: (@Sendable (String) -> Bool)? = nil)
        async throws -> Reply
    {
        var head = "\(method) \(path) HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
        if let token { head += "Authorization: Bearer \(token)\r\n" }
        if let body { head += "Content-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n" }
        let request = Array((head + "\r\n" + (body ?? "")).utf8)
        let endpoint = endpoint
        let raw: String = try await withCheckedThrowingContinuation { continuation in
            Thread {
                continuation.resume(with: Result { try Self.exchange(endpoint, request, timeout: timeout, until: until) })
            }.start()
        }
        guard let split = raw.range(of: "\r\n\r\n") else { throw TestClientError("no HTTP head in: \(raw)") }
        let headText = String(raw[..<split.lowerBound])
        let statusLine = headText.split(separator: "\r\n").first ?? ""
        let status = Int(statusLine.split(separator: " ").dropFirst().first ?? "") ?? 0
        var bodyText = String(raw[split.upperBound...])
        if headText.lowercased().contains("transfer-encoding: chunked") && until == nil {
            bodyText = Self.dechunk(bodyText)
        }
        return Reply(status: status, head: headText, body: bodyText)
    }

    private static func exchange(_ endpoint: Endpoint, _ request: [UInt8], timeout: Int, until: (@Sendable (String) -> Bool)?)
        throws -> String
    {
        let descriptor = try connect(endpoint)
        defer { close(descriptor) }
        var limit = timeval(tv_sec: 1, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        _ = request.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16_384)
        let deadline = Date().addingTimeInterval(Double(timeout))
        while Date() < deadline {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count == 0 { break }
            if count > 0 { received += buffer[..<count] }
            if let until, until(String(decoding: received, as: UTF8.self)) { break }
        }
        return String(decoding: received, as: UTF8.self)
    }

    private static func connect(_ endpoint: Endpoint) throws -> Int32 {
        switch endpoint {
        case .unix(let path):
            let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_un()
            address.sun_family = sa_family_t(AF_UNIX)
            withUnsafeMutableBytes(of: &address.sun_path) { raw in
                raw.copyBytes(from: Array(path.utf8) + [0])
            }
            let result = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
                }
            }
            guard result == 0 else { close(descriptor); throw TestClientError("cannot connect to \(path): errno \(errno)") }
            return descriptor
        case .tcp(let port):
            let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let result = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
            guard result == 0 else { close(descriptor); throw TestClientError("cannot connect to port \(port): errno \(errno)") }
            return descriptor
        }
    }

    static func dechunk(_ text: String) -> String {
        var bytes = Substring(text)
        var out = ""
        while let lineEnd = bytes.range(of: "\r\n") {
            guard let size = Int(bytes[..<lineEnd.lowerBound], radix: 16), size > 0 else { break }
            let start = lineEnd.upperBound
            let utf8 = bytes.utf8
            guard let end = utf8.index(start, offsetBy: size, limitedBy: utf8.endIndex) else { break }
            out += String(bytes[start..<end])
            bytes = bytes[end...].dropFirst(2)
        }
        return out
    }
}

struct TestClientError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
