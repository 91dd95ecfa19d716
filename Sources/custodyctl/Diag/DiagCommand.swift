import ArgumentParser

/// `custodyctl diag …`: a technician's direct tools for one device or one bus.
struct DiagCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diag",
        abstract: "Read, write, scan and watch Modbus devices; list serial adapters.",
        discussion: """
            Until the station daemon runs, diag opens the bus itself (direct mode). A serial port is \
            locked with flock while diag uses it, so it never talks over another master.
            Addresses are 0-based PDU addresses, as in device profiles (mbpoll users: add -0).
            """,
        subcommands: [DiagRead.self, DiagWrite.self, DiagScan.self, DiagWatch.self, DiagPorts.self]
    )
}
