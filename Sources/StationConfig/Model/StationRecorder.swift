public import DeviceProfiles

/// The audio-video recorder of an interview room, whose running state the recording rule watches.
public struct StationRecorder: Sendable, Hashable {
    /// Where the recorder's running state comes from.
    public enum Source: Sendable, Hashable {
        /// A bool device point that is true while recording.
        case point(PointReference)
        /// The recording system posts its state to the API.
        case api
    }

    /// Unique among recorders.
    public var id: String
    /// The interview room it records.
    public var room: String
    /// How custodyd learns that it records.
    public var source: Source
    /// Where the recorder is written.
    public var location: SourceLocation

    public init(id: String, room: String, source: Source, location: SourceLocation = .unknown) {
        self.id = id
        self.room = room
        self.source = source
        self.location = location
    }
}
