import Foundation

/// custodyd's API as custodyctl uses it: JSON requests, and the daemon's `{"error", "message"}` answers
/// turned into one-line failures.
struct APIClient {
    /// A complete answer.
    struct Reply {
        var status: Int
        var headers: [String: String]
        var body: [UInt8]

        var text: String { String(decoding: body, as: UTF8.self) }

        /// The body parsed as JSON.
        func json() throws(ClientError) -> Any {
            do { return try JSONSerialization.jsonObject(with: Data(body), options: [.fragmentsAllowed]) } catch {
                throw .protocolError("the body is not JSON")
            }
        }
    }

    let address: HTTPConnection.Address
    let token: String?

    /// `GET path`, failing on any status but 2xx.
    func get(_ path: String) throws(ClientError) -> Reply {
        try checked(send("GET", path, body: nil))
    }

    /// `POST path` with `body` as JSON, failing on any status but 2xx.
    func post(_ path: String, _ body: [String: Any]) throws(ClientError) -> Reply {
        let data: Data
        do { data = try JSONSerialization.data(withJSONObject: body, options: [.sortedKeys]) } catch {
            throw .usage("cannot encode the request: \(error)")
        }
        return try checked(send("POST", path, body: Array(data)))
    }

    /// Follows a server-sent-events stream, calling `handle(event, data)` for each event until it returns
    /// false or the stream ends.
    func follow(_ path: String, _ handle: (String, String) -> Bool) throws(ClientError) {
        let connection = try HTTPConnection(address, timeout: 0)
        try connection.send(Array(head("GET", path, contentLength: nil, accept: "text/event-stream").utf8))
        let (status, headers) = try readHead(connection)
        guard (200..<300).contains(status) else {
            _ = try checked(Reply(status: status, headers: headers, body: try readBody(connection, headers)))
            return
        }
        let chunked = headers["transfer-encoding"]?.lowercased().contains("chunked") ?? false
        var lines = SSELineReader(connection: connection, chunked: chunked)
        var event = "message"
        var data: [String] = []
        while let line = try lines.next() {
            if line.isEmpty {
                if !data.isEmpty, !handle(event, data.joined(separator: "\n")) { return }
                event = "message"
                data = []
            } else if line.hasPrefix("event:") {
                event = line.dropFirst(6).trimmingCharacters(in: .whitespaces)
            } else if line.hasPrefix("data:") {
                data.append(line.dropFirst(5).trimmingCharacters(in: .whitespaces))
            }
        }
    }

    private func send(_ method: String, _ path: String, body: [UInt8]?) throws(ClientError) -> Reply {
        let connection = try HTTPConnection(address)
        var request = Array(head(method, path, contentLength: body?.count, accept: "application/json").utf8)
        if let body { request += body }
        try connection.send(request)
        let (status, headers) = try readHead(connection)
        return Reply(status: status, headers: headers, body: try readBody(connection, headers))
    }

    private func head(_ method: String, _ path: String, contentLength: Int?, accept: String) -> String {
        let host = if case .tcp(let host, let port) = address { "\(host):\(port)" } else { "localhost" }
        var lines = ["\(method) \(path) HTTP/1.1", "Host: \(host)", "Accept: \(accept)", "Connection: close",
                     "User-Agent: custodyctl"]
        if let token { lines.append("Authorization: Bearer \(token)") }
        if let contentLength {
            lines.append("Content-Type: application/json")
            lines.append("Content-Length: \(contentLength)")
        }
        return lines.joined(separator: "\r\n") + "\r\n\r\n"
    }

    private func readHead(_ connection: HTTPConnection) throws(ClientError) -> (Int, [String: String]) {
        guard let statusLine = try connection.readLine() else { throw .protocolError("the connection closed at once") }
        let parts = statusLine.split(separator: " ", maxSplits: 2)
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/1."), let status = Int(parts[1]) else {
            throw .protocolError("bad status line '\(statusLine)'")
        }
        var headers: [String: String] = [:]
        while let line = try connection.readLine(), !line.isEmpty {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return (status, headers)
    }

    private func readBody(_ connection: HTTPConnection, _ headers: [String: String]) throws(ClientError) -> [UInt8] {
        if headers["transfer-encoding"]?.lowercased().contains("chunked") == true {
            var body: [UInt8] = []
            while let sizeLine = try connection.readLine() {
                guard let size = Int(sizeLine.split(separator: ";")[0].trimmingCharacters(in: .whitespaces), radix: 16)
                else { throw .protocolError("bad chunk size '\(sizeLine)'") }
                if size == 0 { break }
                body += try connection.read(count: size)
                _ = try connection.readLine()
            }
            return body
        }
        if let length = headers["content-length"].flatMap(Int.init) { return try connection.read(count: length) }
        return try connection.readToEnd()
    }

    private func checked(_ reply: Reply) throws(ClientError) -> Reply {
        guard !(200..<300).contains(reply.status) else { return reply }
        if let object = try? reply.json() as? [String: Any], let message = object["message"] as? String {
            throw .refused(status: reply.status, code: object["error"] as? String ?? "error", message: message)
        }
        throw .refused(status: reply.status, code: "http_\(reply.status)", message: "custodyd answered HTTP \(reply.status)")
    }
}
