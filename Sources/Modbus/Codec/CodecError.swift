/// Why a value could not be encoded into, or decoded from, registers.
public enum CodecError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The number of registers given does not match the type.
    case wrongRegisterCount(type: ValueType, expected: Int, got: Int)
    /// The value does not fit the type (e.g. 70000 as `uint16`, a fraction as an integer).
    case outOfRange(type: ValueType, value: String)
    /// The value is of a kind the type cannot hold (e.g. a string as `int16`).
    case kindMismatch(type: ValueType, value: String)
    /// A floating-point value is NaN or infinite. Such values are never written and never
    /// decoded as numbers: devices use them to mean "no reading".
    case notFinite(type: ValueType)
    /// The text is longer than the registers can hold.
    case stringTooLong(maxBytes: Int, got: Int)
    /// The registers hold bytes that are not UTF-8 text.
    case invalidText
    /// The word order does not apply to the type (strings take only `ABCD` or `BADC`).
    case unsupportedWordOrder(type: ValueType, order: WordOrder)

    /// A sentence a technician can act on.
    public var description: String {
        switch self {
        case .wrongRegisterCount(let type, let expected, let got):
            "\(type) needs \(expected) register(s), got \(got)"
        case .outOfRange(let type, let value):
            "\(value) does not fit \(type)"
        case .kindMismatch(let type, let value):
            "\(value) cannot be stored as \(type)"
        case .notFinite(let type):
            "\(type) value is NaN or infinite"
        case .stringTooLong(let maxBytes, let got):
            "text of \(got) bytes does not fit in \(maxBytes) bytes"
        case .invalidText:
            "registers do not hold UTF-8 text"
        case .unsupportedWordOrder(let type, let order):
            "word order \(order.rawValue) does not apply to \(type)"
        }
    }
}
