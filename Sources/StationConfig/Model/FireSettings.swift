/// Where the fire panel's signals come from.
public struct FireSettings: Sendable, Hashable {
    /// The bool point that is true while the fire panel is in alarm.
    public var alarm: PointReference
    /// The bool point that confirms the hard-wired lock release operated, if wired.
    public var releaseConfirmed: PointReference?

    public init(alarm: PointReference, releaseConfirmed: PointReference? = nil) {
        self.alarm = alarm
        self.releaseConfirmed = releaseConfirmed
    }
}
