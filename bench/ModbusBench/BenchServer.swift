import Foundation
import Modbus

/// Our TCP server with one unit's tables (coils, discrete inputs, holding and input registers), on a free
/// port. Prints `ready PORT` and serves until stdin closes.
enum BenchServer {
    static func run(_ raw: [String]) throws {
        let arguments = try BenchArguments(raw)
        let registers = try arguments.integer("registers", default: 100)
        let unit = try arguments.integer("unit", default: 1)
        let store = try ModbusDataStore(ranges: [
            .coil: 0...(registers - 1), .discreteInput: 0...(registers - 1),
            .holdingRegister: 0...(registers - 1), .inputRegister: 0...(registers - 1),
        ])
        try store.setRegisters(.holdingRegister, address: 0, values: (0..<registers).map { UInt16($0) })
        let server = try ModbusTCPServer(host: "127.0.0.1", port: 0, behavior: StaticUnits([unit: store]))
        FileHandle.standardOutput.write(Data("ready \(server.port)\n".utf8))  // unbuffered: the driver waits for it
        while readLine() != nil {}
        server.stop()
    }
}
