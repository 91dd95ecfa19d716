extension Verify {
    /// Whether a read-back of ``point`` shows the command worked.
    public func isSatisfied(by reading: PointReading) -> Bool { reading.matches(expect) }
}
