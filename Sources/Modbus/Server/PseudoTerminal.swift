import CModbus
import Glibc

/// A pseudo-terminal pair standing in for a serial line: the server holds the master side; masters
/// (custodyctl, mbpoll, pymodbus) open ``path`` as if it were /dev/ttyUSB0. A pty ignores the baud rate,
/// so wire timing is simulated by delaying replies.
public final class PseudoTerminal: Sendable {
    /// The path of the terminal side, e.g. /dev/pts/5.
    public let path: String
    let master: Int32
    /// Held open so the master side never sees a hang-up when a client closes the terminal.
    private let keeper: Int32

    public init() throws(ModbusError) {
        let master = cmodbus_posix_openpt(O_RDWR | O_NOCTTY)
        guard master >= 0, cmodbus_grantpt(master) == 0, cmodbus_unlockpt(master) == 0 else {
            throw .connectFailed(errno: errno, detail: "a pseudo-terminal")
        }
        var name = [CChar](repeating: 0, count: 128)
        guard cmodbus_ptsname_r(master, &name, name.count) == 0 else {
            close(master)
            throw .connectFailed(errno: errno, detail: "the pseudo-terminal's name")
        }
        let path = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let keeper = open(path, O_RDWR | O_NOCTTY)
        guard keeper >= 0 else {
            close(master)
            throw .connectFailed(errno: errno, detail: path)
        }
        var attributes = termios()
        tcgetattr(keeper, &attributes)
        cfmakeraw(&attributes)
        tcsetattr(keeper, TCSANOW, &attributes)
        self.master = master
        self.keeper = keeper
        self.path = path
    }

    deinit {
        close(keeper)
        close(master)
    }
}
