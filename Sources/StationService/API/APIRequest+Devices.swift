import Modbus

extension APIRequest {
    /// `POST /v1/devices/{id}/read`: one raw read. `table` is `coil`, `discrete_input`,
    /// `holding_register` or `input_register` (or `discrete`, `holding`, `input`); `address` is the 0-based
    /// PDU address.
    struct DeviceRead: Decodable {
        var table: String
        var address: Int
        var count: Int?

        static let tables: [String: ModbusTable] = [
            "coil": .coil, "coils": .coil, "discrete": .discreteInput, "discrete_input": .discreteInput,
            "holding": .holdingRegister, "holding_register": .holdingRegister, "input": .inputRegister,
            "input_register": .inputRegister,
        ]

        /// The read asked for, checked against the protocol's limits; a 400 names what is wrong.
        func request() throws(APIError) -> ModbusRequest {
            guard let table = Self.tables[table.lowercased()] else {
                throw .badRequest("field 'table': expected coil, discrete_input, holding_register or input_register, got '\(table)'")
            }
            let count = count ?? 1
            let request: ModbusRequest =
                table.isBits
                ? .readBits(table, address: address, count: count) : .readRegisters(table, address: address, count: count)
            do throws(ModbusError) { try request.validate() } catch {
                guard case .invalidRequest(let why) = error else { throw .badRequest("\(error)") }
                throw .badRequest("\(why)")
            }
            return request
        }
    }

    /// `POST /v1/devices/{id}/commands`: a profile command by name, with the officer on whose behalf it
    /// is sent, if any.
    struct DeviceCommand: Decodable {
        var command: String
        var officer: String?
    }
}
