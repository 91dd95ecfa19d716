public import DeviceProfiles

/// A police officer or auxiliary who wears an officer tag in the area.
public struct StationOfficer: Sendable, Hashable {
    /// As the separation and protection rules need it.
    public enum Sex: String, Sendable, Hashable, CaseIterable {
        case male
        case female
    }

    /// Unique among officers; often the police number.
    public var id: String
    /// The name people see.
    public var name: String
    /// Male or female (a female officer must be present for some searches and questioning).
    public var sex: Sex
    /// The officer's tag id as the readers report it, upper-case hex; unique among officers.
    public var tag: String
    /// Where the officer is written (in the station file or the roster).
    public var location: SourceLocation

    public init(id: String, name: String, sex: Sex, tag: String, location: SourceLocation = .unknown) {
        self.id = id
        self.name = name
        self.sex = sex
        self.tag = tag
        self.location = location
    }
}
