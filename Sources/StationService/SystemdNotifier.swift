import Foundation
import Glibc

/// Tells systemd how the service is doing, over the `sd_notify` protocol: one datagram per call to the
/// Unix socket that `NOTIFY_SOCKET` names.
///
/// Without `NOTIFY_SOCKET` (run by hand, in a test, under another supervisor) every call does nothing, so
/// the daemon calls it unconditionally. The unit runs with `Type=notify` and `NotifyAccess=main`: only the
/// main process may send, and systemd counts the service as started once `READY=1` arrives.
///
/// The daemon's life, as systemd sees it:
///
/// ```swift
/// let systemd = SystemdNotifier()
/// // … open the journal, replay it, poll every bus once …
/// try? systemd.notify(.ready, .status("Station DEMO-01: 3 buses, 14 devices online"))
/// // … run the event loop, with a Watchdog beside it …
/// // on SIGTERM:
/// try? systemd.notify(.stopping, .status("Stopping: doors to safe state, flushing the journal"))
/// ```
public struct SystemdNotifier: Sendable {
    /// One assignment in a notification.
    public enum Message: Sendable, Hashable {
        /// Start-up is complete: the journal is open, the state replayed, the buses polled once.
        case ready
        /// A configuration reload has begun; send ``ready`` when it is over.
        case reloading
        /// Shutdown has begun: the daemon is putting doors in their safe state and flushing the journal.
        case stopping
        /// The event loop is alive (see ``Watchdog``).
        case watchdog
        /// One line for `systemctl status`; line breaks become spaces.
        case status(String)
        /// Asks systemd for this much more time to start, reload or stop before it gives up.
        case extendTimeout(Duration)

        /// The `KEY=value` line systemd reads.
        public var line: String {
            switch self {
            case .ready: "READY=1"
            case .reloading: "RELOADING=1"
            case .stopping: "STOPPING=1"
            case .watchdog: "WATCHDOG=1"
            case .status(let text):
                "STATUS=" + String(text.map { $0.isNewline ? " " : $0 })
            case .extendTimeout(let duration):
                "EXTEND_TIMEOUT_USEC=\(Self.microseconds(duration))"
            }
        }

        static func microseconds(_ duration: Duration) -> UInt64 {
            let (seconds, attoseconds) = duration.components
            guard seconds >= 0 else { return 0 }
            return UInt64(seconds) * 1_000_000 + UInt64(attoseconds / 1_000_000_000_000)
        }
    }

    /// The socket from `NOTIFY_SOCKET`: an absolute path, or `@name` for an abstract socket; `nil` when unset.
    public let socketAddress: String?

    /// A notifier for the socket named in `environment` (the `NOTIFY_SOCKET` key).
    ///
    /// Tests pass their own environment, so nothing changes the process's.
    public init(environment: [String: String]) {
        let address = environment["NOTIFY_SOCKET"]
        socketAddress = (address?.isEmpty ?? true) ? nil : address
    }

    /// A notifier for the socket named in this process's `NOTIFY_SOCKET`.
    public init() {
        var environment: [String: String] = [:]
        if let value = getenv("NOTIFY_SOCKET") { environment["NOTIFY_SOCKET"] = String(cString: value) }
        self.init(environment: environment)
    }

    /// Whether systemd is listening: `NOTIFY_SOCKET` is set.
    public var isEnabled: Bool { socketAddress != nil }

    /// Sends `messages` as one datagram; does nothing when ``isEnabled`` is false.
    public func notify(_ messages: Message...) throws(SystemdNotifierError) {
        try notify(messages)
    }

    /// Sends `messages` as one datagram; does nothing when ``isEnabled`` is false or `messages` is empty.
    public func notify(_ messages: [Message]) throws(SystemdNotifierError) {
        guard let socketAddress, !messages.isEmpty else { return }
        let name = try Self.socketName(socketAddress)
        let text = Self.datagram(messages, monotonicNow: Self.monotonicMicroseconds())
        try Self.send(text, to: name, named: socketAddress)
    }

    /// The datagram's text. `RELOADING=1` carries the `MONOTONIC_USEC=` stamp that later systemd versions
    /// require for `Type=notify-reload`; older ones ignore it.
    static func datagram(_ messages: [Message], monotonicNow: UInt64) -> String {
        var lines = messages.map(\.line)
        if messages.contains(.reloading) { lines.append("MONOTONIC_USEC=\(monotonicNow)") }
        return lines.joined(separator: "\n")
    }

    /// The bytes for `sun_path`: a path with its terminator, or a leading zero byte and the abstract name.
    static func socketName(_ address: String) throws(SystemdNotifierError) -> [UInt8] {
        let bytes: [UInt8]
        if address.hasPrefix("/") {
            bytes = Array(address.utf8) + [0]
        } else if address.hasPrefix("@"), address.utf8.count > 1 {
            bytes = [0] + Array(address.utf8.dropFirst())
        } else {
            throw .unsupportedAddress(address)
        }
        guard bytes.count <= MemoryLayout.size(ofValue: sockaddr_un().sun_path) else {
            throw .addressTooLong(address)
        }
        return bytes
    }

    private static func send(_ text: String, to name: [UInt8], named address: String) throws(SystemdNotifierError) {
        var socketAddress = sockaddr_un()
        socketAddress.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &socketAddress.sun_path) { $0.copyBytes(from: name) }
        // An abstract name's length is all the kernel has to go by, so it must not include padding.
        let pathOffset = MemoryLayout<sockaddr_un>.offset(of: \.sun_path) ?? MemoryLayout<sa_family_t>.size
        let length = socklen_t(pathOffset + name.count)

        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw .socketFailed(errno: errno) }
        defer { close(fd) }

        let payload = Array(text.utf8)
        var failure: Int32 = 0
        repeat {
            let sent = payload.withUnsafeBytes { buffer in
                withUnsafePointer(to: &socketAddress) { pointer in
                    pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                        sendto(fd, buffer.baseAddress, buffer.count, Int32(MSG_NOSIGNAL), $0, length)
                    }
                }
            }
            failure = sent < 0 ? errno : 0
        } while failure == EINTR
        if failure != 0 { throw .sendFailed(address: address, errno: failure) }
    }

    private static func monotonicMicroseconds() -> UInt64 {
        // Foundation reads CLOCK_MONOTONIC here, the clock systemd's MONOTONIC_USEC is on.
        UInt64(ProcessInfo.processInfo.systemUptime * 1_000_000)
    }
}
