public import DeviceProfiles

/// A controlled door between two zones (or between a zone and ``StationZone/outside``).
public struct StationDoor: Sendable, Hashable {
    /// Unique among doors.
    public var id: String
    /// The two zones the door joins.
    public var between: [String]
    /// The door-kind device that locks it.
    public var device: String
    /// The device command that unlocks the door: a device-timed pulse with a read-back.
    public var unlockCommand: String
    /// The bool point that is true while the door is shut.
    public var positionPoint: String
    /// The bool point that is true while the lock holds (bonded).
    public var bondPoint: String
    /// Readers mounted beside the door: an officer's tag read at one of them asks to open it.
    public var readers: [String]
    /// Where the door is written.
    public var location: SourceLocation

    public init(
        id: String, between: [String], device: String, unlockCommand: String, positionPoint: String,
        bondPoint: String, readers: [String] = [], location: SourceLocation = .unknown
    ) {
        self.id = id
        self.between = between
        self.device = device
        self.unlockCommand = unlockCommand
        self.positionPoint = positionPoint
        self.bondPoint = bondPoint
        self.readers = readers
        self.location = location
    }
}
