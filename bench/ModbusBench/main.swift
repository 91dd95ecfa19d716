import Foundation

/// The Swift side of `make bench`: our Modbus client's poll loop, our TCP server, and our RTU client and
/// server over a pseudo-terminal. Each prints one result line in the same format as bench/peers/fc3_loop.c.
let usage = """
    usage:
      modbus-bench client HOST PORT UNIT REGISTERS SECONDS   FC3 poll loop on one ModbusConnection
      modbus-bench server [--registers N] [--unit U]         TCP server on a free port; prints "ready PORT",
                                                             serves until stdin closes
      modbus-bench rtu REGISTERS SECONDS [--wire 9600-8E1]   RTU client and server over a pseudo-terminal
    """

let arguments = Array(CommandLine.arguments.dropFirst())
do {
    switch arguments.first {
    case "client": try ClientLoop.run(Array(arguments.dropFirst()))
    case "server": try BenchServer.run(Array(arguments.dropFirst()))
    case "rtu": try RTULoop.run(Array(arguments.dropFirst()))
    default:
        FileHandle.standardError.write(Data((usage + "\n").utf8))
        exit(2)
    }
} catch {
    FileHandle.standardError.write(Data("modbus-bench: \(error)\n".utf8))
    exit(1)
}
