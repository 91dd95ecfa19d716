/// Spreads an already well-hashed value (a cached `String` hash, a case rank combined with one)
/// over all bits together with a hash table's seed: MurmurHash3's 64-bit finaliser, a few
/// multiplications instead of a full `Hasher` run for each dictionary lookup. Equal inputs give equal
/// outputs; the process-random seed of `String.hashValue` remains the source of unpredictability.
@inline(__always)
func mixHash(_ value: Int, seed: Int) -> Int {
    var x = UInt64(truncatingIfNeeded: value ^ seed)
    x ^= x &>> 33
    x &*= 0xff51_afd7_ed55_8ccd
    x ^= x &>> 33
    x &*= 0xc4ce_b9fe_1a85_ec53
    x ^= x &>> 33
    return Int(truncatingIfNeeded: x)
}
