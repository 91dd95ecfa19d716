/// A raw value a device uses to mean "no reading" (for instance `0x7FFF` or `-9999`).
///
/// Integer sentinels compare by bit pattern at the point's width, so `0xFFFF` and `-1` mean the
/// same on an `int16`. Float sentinels compare as numbers.
public enum Sentinel: Sendable, Hashable {
    /// Raw bits of an integer or bitfield value, masked to the point's width.
    case bits(UInt64)
    /// A floating-point value.
    case number(Double)
}
