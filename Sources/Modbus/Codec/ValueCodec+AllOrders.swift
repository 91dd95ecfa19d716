extension ValueCodec {
    /// Decodes the same registers in each of the four word orders, for a technician who does not
    /// know which order a device uses (`custodyctl diag` shows all four side by side).
    ///
    /// Types without a word order give four identical results; strings give errors for
    /// `CDAB` and `DCBA`.
    public static func decodeInAllOrders(_ registers: [UInt16], as type: ValueType) -> [OrderedDecoding] {
        WordOrder.allCases.map { order in
            OrderedDecoding(order: order, result: Result { () throws(CodecError) in
                try decode(registers, as: type, order: order)
            })
        }
    }
}
