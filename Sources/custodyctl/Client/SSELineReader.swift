/// Lines of an event stream body, undoing chunked transfer encoding when the daemon uses it.
struct SSELineReader {
    let connection: HTTPConnection
    let chunked: Bool
    private var text: [UInt8] = []

    init(connection: HTTPConnection, chunked: Bool) {
        self.connection = connection
        self.chunked = chunked
    }

    /// The next line of the body, or nil when the stream ends.
    mutating func next() throws(ClientError) -> String? {
        guard chunked else { return try connection.readLine() }
        while true {
            if let index = text.firstIndex(of: UInt8(ascii: "\n")) {
                var line = Array(text[..<index])
                text.removeFirst(index + 1)
                if line.last == UInt8(ascii: "\r") { line.removeLast() }
                return String(decoding: line, as: UTF8.self)
            }
            guard let sizeLine = try connection.readLine(),
                let size = Int(sizeLine.split(separator: ";").first.map(String.init) ?? "", radix: 16), size > 0
            else { return nil }
            text += try connection.read(count: size)
            _ = try connection.readLine()
        }
    }
}
