/// An integer as written in YAML: decimal or `0x` hex, and in profiles also `0o` octal or `0b` binary,
/// with `_` allowed.
package struct IntegerLiteral {
    /// The radix prefixes a document accepts besides decimal.
    package enum Forms: Sendable {
        /// `0x` hex only.
        case decimalOrHex
        /// `0x` hex, `0o` octal and `0b` binary.
        case anyRadix

        var prefixes: [(prefix: String, radix: Int)] {
            switch self {
            case .decimalOrHex: [("0x", 16), ("0X", 16)]
            case .anyRadix: [("0x", 16), ("0X", 16), ("0o", 8), ("0b", 2)]
            }
        }
    }

    package let value: Int
    /// Written in decimal, which is how legacy "40001" references show up.
    package let isDecimal: Bool

    package init?(_ text: String, forms: Forms = .anyRadix) {
        var digits = Substring(text.filter { $0 != "_" })
        var negative = false
        if digits.first == "-" || digits.first == "+" {
            negative = digits.first == "-"
            digits = digits.dropFirst()
        }
        var radix = 10
        if let form = forms.prefixes.first(where: { digits.hasPrefix($0.prefix) }) {
            radix = form.radix
            digits = digits.dropFirst(form.prefix.count)
        }
        guard !digits.isEmpty, let magnitude = Int(digits, radix: radix) else { return nil }
        value = negative ? -magnitude : magnitude
        isDecimal = radix == 10
    }
}
