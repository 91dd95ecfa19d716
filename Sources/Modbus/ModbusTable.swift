/// The four Modbus data tables, addressed 0-based as in the PDU.
public enum ModbusTable: String, Sendable, Hashable, Codable, CaseIterable {
    case coil
    case discreteInput = "discrete_input"
    case holdingRegister = "holding_register"
    case inputRegister = "input_register"

    /// Whether the table holds single bits (coils, discrete inputs) rather than 16-bit registers.
    public var isBits: Bool { self == .coil || self == .discreteInput }

    /// Whether a master may write the table.
    public var isWritable: Bool { self == .coil || self == .holdingRegister }

    /// The function code that reads the table (FC1, FC2, FC3, FC4).
    public var readFunctionCode: UInt8 {
        switch self {
        case .coil: 1
        case .discreteInput: 2
        case .holdingRegister: 3
        case .inputRegister: 4
        }
    }

    /// Most items one read of this table may ask for (Modbus application protocol limits).
    public var maxReadCount: Int { isBits ? 2000 : 125 }
}
