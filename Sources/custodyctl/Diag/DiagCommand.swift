import ArgumentParser

/// `custodyctl diag …`: a technician's tools for one device or one bus, through the daemon or direct.
struct DiagCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diag",
        abstract: "Read, write, scan and watch Modbus devices; list serial adapters.",
        discussion: """
            While the station daemon runs it owns every bus (it holds a lock on each serial port): read and \
            write a device through it with --device ID (the id in the station file), on the same queue as \
            its door commands. --rtu/--tcp (with --direct) open the port here, for a bus the daemon does not \
            run; a serial port is locked with flock while diag uses it, so it never talks over another master.
            Addresses are 0-based PDU addresses, as in device profiles (mbpoll users: add -0).
            """,
        subcommands: [DiagRead.self, DiagWrite.self, DiagScan.self, DiagWatch.self, DiagPorts.self]
    )
}
