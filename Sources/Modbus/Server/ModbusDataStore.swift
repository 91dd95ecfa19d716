import CModbus
import Synchronization

/// The four tables one simulated device serves, backed by a libmodbus mapping.
///
/// Only the configured address ranges exist; a request outside them is answered with exception 02
/// (illegal data address), as a real device answers. All access, by the server threads and by whatever
/// animates the device, goes through one lock.
public final class ModbusDataStore: Sendable {
    private let mapping: Mutex<MappingPointer>
    public let ranges: [ModbusTable: ClosedRange<Int>]

    /// Creates tables covering `ranges`; tables not named have no addresses.
    public init(ranges: [ModbusTable: ClosedRange<Int>]) throws(ModbusError) {
        for (table, range) in ranges where range.lowerBound < 0 || range.upperBound > 65535 {
            throw .invalidRequest("\(table.rawValue) range \(range) is outside 0–65535")
        }
        func start(_ t: ModbusTable) -> UInt32 { UInt32(ranges[t]?.lowerBound ?? 0) }
        func count(_ t: ModbusTable) -> UInt32 { UInt32(ranges[t]?.count ?? 0) }
        guard
            let created = modbus_mapping_new_start_address(
                start(.coil), count(.coil), start(.discreteInput), count(.discreteInput),
                start(.holdingRegister), count(.holdingRegister), start(.inputRegister), count(.inputRegister))
        else { throw .invalidRequest("cannot allocate the register map") }
        self.ranges = ranges
        self.mapping = Mutex(MappingPointer(created))
    }

    deinit { mapping.withLock { modbus_mapping_free($0.pointer) } }

    /// Reads `count` registers of a register table.
    public func registers(_ table: ModbusTable, address: Int, count: Int) throws(ModbusError) -> [UInt16] {
        let offset = try locate(table, address: address, count: count, bits: false)
        return mapping.withLock { m in
            let base = table == .holdingRegister ? m.pointer.pointee.tab_registers! : m.pointer.pointee.tab_input_registers!
            return (0..<count).map { base[offset + $0] }
        }
    }

    /// Writes registers of a register table (the simulator may set input registers too).
    public func setRegisters(_ table: ModbusTable, address: Int, values: [UInt16]) throws(ModbusError) {
        let offset = try locate(table, address: address, count: values.count, bits: false)
        mapping.withLock { m in
            let base = table == .holdingRegister ? m.pointer.pointee.tab_registers! : m.pointer.pointee.tab_input_registers!
            for (i, value) in values.enumerated() { base[offset + i] = value }
        }
    }

    /// Reads `count` bits of a bit table.
    public func bits(_ table: ModbusTable, address: Int, count: Int) throws(ModbusError) -> [Bool] {
        let offset = try locate(table, address: address, count: count, bits: true)
        return mapping.withLock { m in
            let base = table == .coil ? m.pointer.pointee.tab_bits! : m.pointer.pointee.tab_input_bits!
            return (0..<count).map { base[offset + $0] != 0 }
        }
    }

    /// Writes bits of a bit table (the simulator may set discrete inputs too).
    public func setBits(_ table: ModbusTable, address: Int, values: [Bool]) throws(ModbusError) {
        let offset = try locate(table, address: address, count: values.count, bits: true)
        mapping.withLock { m in
            let base = table == .coil ? m.pointer.pointee.tab_bits! : m.pointer.pointee.tab_input_bits!
            for (i, value) in values.enumerated() { base[offset + i] = value ? 1 : 0 }
        }
    }

    /// Runs `body` with the libmodbus mapping while holding the lock (the server's reply path).
    func withMapping<R>(_ body: (UnsafeMutablePointer<modbus_mapping_t>) -> R) -> R {
        mapping.withLock { body($0.pointer) }
    }

    private func locate(_ table: ModbusTable, address: Int, count: Int, bits: Bool) throws(ModbusError) -> Int {
        guard table.isBits == bits else {
            throw .invalidRequest("\(table.rawValue) holds \(table.isBits ? "bits" : "registers")")
        }
        guard let range = ranges[table], count >= 0, range.contains(address), address + max(count, 1) - 1 <= range.upperBound
        else { throw .invalidRequest("\(table.rawValue) \(address)+\(count) is outside the served range") }
        return address - range.lowerBound
    }
}

/// `@unchecked Sendable`: the pointer is only dereferenced inside the owning store's lock.
struct MappingPointer: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<modbus_mapping_t>
    init(_ pointer: UnsafeMutablePointer<modbus_mapping_t>) { self.pointer = pointer }
}
