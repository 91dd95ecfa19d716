/// One attempt of ``ValueCodec/decodeInAllOrders(_:as:)``: the order tried and what it gave.
public struct OrderedDecoding: Sendable, Hashable {
    /// The word order tried.
    public let order: WordOrder
    /// The value, or why the registers do not decode in this order.
    public let result: Result<ModbusValue, CodecError>
}
