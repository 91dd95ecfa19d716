import Glibc

/// Why a notification to systemd could not be sent.
///
/// None of these stops the daemon by itself: a lost `READY=1` makes systemd time the start out, a lost
/// `WATCHDOG=1` makes it restart the service, and both leave a line in the journal that names the cause.
public enum SystemdNotifierError: Error, Sendable, Hashable, CustomStringConvertible {
    /// `NOTIFY_SOCKET` is neither an absolute path nor an abstract name starting with `@`
    /// (for example a `vsock:` address, which systemd 252 never hands to a service).
    case unsupportedAddress(String)
    /// The socket name does not fit in a `sockaddr_un` (108 bytes with the terminator).
    case addressTooLong(String)
    /// No datagram socket could be created (the value is `errno`).
    case socketFailed(errno: Int32)
    /// The datagram could not be sent to the socket (the value is `errno`).
    case sendFailed(address: String, errno: Int32)

    public var description: String {
        switch self {
        case .unsupportedAddress(let address):
            "NOTIFY_SOCKET=\(address) is not a Unix socket path or abstract name; systemd notifications are off"
        case .addressTooLong(let address):
            "NOTIFY_SOCKET=\(address) is longer than a Unix socket name can be; systemd notifications are off"
        case .socketFailed(let code):
            "cannot create a socket to notify systemd: \(Self.explain(code))"
        case .sendFailed(let address, let code):
            "cannot notify systemd through \(address): \(Self.explain(code))"
        }
    }

    private static func explain(_ code: Int32) -> String {
        // glibc's strerror returns a constant string for every errno it knows.
        "\(String(cString: strerror(code))) (errno \(code))"
    }
}
