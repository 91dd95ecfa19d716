import DeviceProfiles
import Modbus

extension Command {
    /// The Modbus write this command sends. A `raw` write (a vendor value libmodbus will not send through
    /// its helpers, such as Waveshare's FC5 flash time) goes out as a raw PDU.
    var request: ModbusRequest {
        let values = write.values
        if write.raw {
            var pdu: [UInt8] = [write.functionCode, UInt8(address >> 8), UInt8(address & 0xFF)]
            switch write.functionCode {
            case 15:
                pdu += [UInt8(values.count >> 8), UInt8(values.count & 0xFF), UInt8((values.count + 7) / 8)]
                pdu += stride(from: 0, to: values.count, by: 8).map { start in
                    values[start..<min(start + 8, values.count)].enumerated().reduce(UInt8(0)) { byte, bit in
                        bit.element != 0 ? byte | UInt8(1 << bit.offset) : byte
                    }
                }
            case 16:
                pdu += [UInt8(values.count >> 8), UInt8(values.count & 0xFF), UInt8(values.count * 2)]
                pdu += values.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
            default:
                let value = values.first ?? 0
                pdu += [UInt8(value >> 8), UInt8(value & 0xFF)]
            }
            return .raw(pdu: pdu)
        }
        switch write.functionCode {
        case 5: return .writeCoil(address: address, value: (values.first ?? 0) != 0)
        case 15: return .writeCoils(address: address, values: values.map { $0 != 0 })
        case 6: return .writeRegister(address: address, value: values.first ?? 0)
        default: return .writeRegisters(address: address, values: values)
        }
    }
}

extension DeviceEvent.Acknowledge {
    /// The write that re-arms the latch.
    var request: ModbusRequest {
        table == .coil ? .writeCoil(address: address, value: value != 0) : .writeRegister(address: address, value: value)
    }
}

extension ReadBatch {
    /// The read that fetches this batch.
    var request: ModbusRequest {
        table.isBits
            ? .readBits(table, address: address, count: count) : .readRegisters(table, address: address, count: count)
    }

    /// The batch's point readings out of a reply, or nothing when the reply is of the wrong kind.
    func samples(from response: ModbusResponse) -> [PointSample] {
        switch response {
        case .bits(let bits) where table.isBits: samples(bits: bits)
        case .registers(let registers) where !table.isBits: samples(registers: registers)
        default: []
        }
    }
}
