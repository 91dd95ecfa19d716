internal import Modbus

extension ReadBatch {
    /// Splits the registers of a register-table read into point readings, in point order.
    ///
    /// A point whose registers are missing from a short reply reads as
    /// ``PointReading/undecodable(_:)``.
    public func samples(registers: [UInt16]) -> [PointSample] {
        points.map { point in
            let start = point.address - address, end = start + point.count
            guard start >= 0, end <= registers.count else {
                let got = max(0, min(registers.count, end) - start)
                return PointSample(
                    point: point.name,
                    reading: .undecodable(.wrongRegisterCount(type: point.type, expected: point.count, got: got)))
            }
            return PointSample(point: point.name, reading: point.reading(registers: registers[start..<end]))
        }
    }

    /// Splits the bits of a coil or discrete-input read into point readings, in point order.
    public func samples(bits: [Bool]) -> [PointSample] {
        points.map { point in
            let index = point.address - address
            guard index >= 0, index < bits.count else {
                return PointSample(
                    point: point.name, reading: .undecodable(.wrongRegisterCount(type: .bool, expected: 1, got: 0)))
            }
            return PointSample(point: point.name, reading: point.reading(bit: bits[index]))
        }
    }
}
