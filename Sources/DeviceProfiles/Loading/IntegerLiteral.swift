/// An integer as written in YAML: decimal, `0x` hex, `0o` octal or `0b` binary, with `_` allowed.
struct IntegerLiteral {
    let value: Int
    /// Written in decimal, which is how legacy "40001" references show up.
    let isDecimal: Bool

    init?(_ text: String) {
        var digits = Substring(text.filter { $0 != "_" })
        var negative = false
        if digits.first == "-" || digits.first == "+" {
            negative = digits.first == "-"
            digits = digits.dropFirst()
        }
        var radix = 10
        for (prefix, base) in [("0x", 16), ("0X", 16), ("0o", 8), ("0b", 2)] where digits.hasPrefix(prefix) {
            radix = base
            digits = digits.dropFirst(2)
        }
        guard !digits.isEmpty, let magnitude = Int(digits, radix: radix) else { return nil }
        value = negative ? -magnitude : magnitude
        isDecimal = radix == 10
    }
}
