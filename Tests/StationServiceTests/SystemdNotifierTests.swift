import Foundation
import Glibc
import Logging
import StationService
import Testing

struct SystemdNotifierTests {
    @Test(arguments: [
        (SystemdNotifier.Message.ready, "READY=1"),
        (.stopping, "STOPPING=1"),
        (.watchdog, "WATCHDOG=1"),
        (.status("Polling 3 buses, 12 devices online"), "STATUS=Polling 3 buses, 12 devices online"),
        (.extendTimeout(.seconds(20)), "EXTEND_TIMEOUT_USEC=20000000"),
        (.extendTimeout(.milliseconds(1_500)), "EXTEND_TIMEOUT_USEC=1500000"),
    ])
    func sendsOneDatagramPerMessageToAPathSocket(message: SystemdNotifier.Message, expected: String) throws {
        let socket = try NotifySocket(.path)
        try SystemdNotifier(environment: socket.environment).notify(message)
        #expect(socket.receive() == expected)
    }

    @Test func sendsSeveralMessagesAsOneDatagram() throws {
        let socket = try NotifySocket(.path)
        try SystemdNotifier(environment: socket.environment).notify(.ready, .status("Station DEMO-01 ready"))
        #expect(socket.receive() == "READY=1\nSTATUS=Station DEMO-01 ready")
        #expect(socket.receive(timeoutMilliseconds: 50) == nil)
    }

    @Test func reachesAnAbstractSocket() throws {
        let socket = try NotifySocket(.abstract)
        #expect(socket.address.hasPrefix("@"))
        try SystemdNotifier(environment: socket.environment).notify(.stopping, .status("Locking doors safe"))
        #expect(socket.receive() == "STOPPING=1\nSTATUS=Locking doors safe")
    }

    @Test func reloadingCarriesTheMonotonicTime() throws {
        let socket = try NotifySocket(.path)
        let before = UInt64(ProcessInfo.processInfo.systemUptime)
        try SystemdNotifier(environment: socket.environment).notify(.reloading)
        let lines = try #require(socket.receive()).split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.first == "RELOADING=1")
        let stamp = try #require(lines.last?.split(separator: "=", maxSplits: 1))
        #expect(stamp.first == "MONOTONIC_USEC")
        let microseconds = try #require(UInt64(stamp.last ?? ""))
        #expect(microseconds >= before * 1_000_000)
    }

    @Test func statusLineBreaksBecomeSpaces() {
        #expect(SystemdNotifier.Message.status("bus rs485-a\noffline").line == "STATUS=bus rs485-a offline")
    }

    @Test(arguments: [[String: String](), ["NOTIFY_SOCKET": ""]])
    func doesNothingWithoutASocket(environment: [String: String]) throws {
        let notifier = SystemdNotifier(environment: environment)
        #expect(!notifier.isEnabled)
        #expect(notifier.socketAddress == nil)
        try notifier.notify(.ready, .status("not under systemd"))
    }

    @Test(arguments: ["vsock:2:1234", "relative/notify", "@"])
    func rejectsAddressesThatAreNotUnixSockets(address: String) {
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": address])
        #expect(throws: SystemdNotifierError.unsupportedAddress(address)) { try notifier.notify(.ready) }
    }

    @Test func rejectsANameTooLongForSockaddr() {
        let address = "/" + String(repeating: "n", count: 120)
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": address])
        #expect(throws: SystemdNotifierError.addressTooLong(address)) { try notifier.notify(.ready) }
    }

    @Test func reportsASocketThatIsGone() throws {
        let address = "/tmp/custodyd-no-such-dir-\(getpid())/notify"
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": address])
        #expect(throws: SystemdNotifierError.sendFailed(address: address, errno: ENOENT)) {
            try notifier.notify(.ready)
        }
        #expect(
            SystemdNotifierError.sendFailed(address: address, errno: ENOENT).description
                == "cannot notify systemd through \(address): No such file or directory (errno 2)"
        )
    }

    @Test func aLongReplayAsksSystemdForMoreTimeAndSaysHowFarItHasCome() throws {
        let socket = try NotifySocket(.path)
        let notifier = SystemdNotifier(environment: socket.environment)
        let eager = ReplayProgress(notifier: notifier, logger: Logger(label: "test"), interval: .zero, grant: .seconds(30))
        eager.report(10_000)
        #expect(socket.receive() == "EXTEND_TIMEOUT_USEC=30000000\nSTATUS=replaying the journal: 10000 inputs so far")

        let patient = ReplayProgress(notifier: notifier, logger: Logger(label: "test"), interval: .seconds(3600))
        patient.report(20_000)
        #expect(socket.receive(timeoutMilliseconds: 50) == nil, "nothing until the interval has passed")
    }
}
