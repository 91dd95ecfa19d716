/// Why a request to the daemon failed, as the one line custodyctl prints.
enum ClientError: Error, CustomStringConvertible {
    /// The daemon could not be reached.
    case connect(String, String)
    /// The connection failed mid-exchange.
    case io(String)
    /// The answer was not HTTP as expected.
    case protocolError(String)
    /// The daemon refused the request: its status, error code and message.
    case refused(status: Int, code: String, message: String)
    /// A bad option or argument.
    case usage(String)

    var description: String {
        switch self {
        case .connect(let address, let reason):
            "cannot reach custodyd at \(address): \(reason) (is it running? try --socket or --url)"
        case .io(let reason): reason
        case .protocolError(let reason): "unexpected answer from custodyd: \(reason)"
        case .refused(let status, let code, let message): "\(message) (\(code), HTTP \(status))"
        case .usage(let reason): reason
        }
    }
}
