internal import DeviceProfiles

extension DocumentSchema {
    /// The station file and its roster: unknown keys name the file version, and integers are decimal or
    /// `0x…` hex.
    static let station = DocumentSchema(
        name: "station file version 1", namedOnMissingKey: false, integerForms: .decimalOrHex,
        integerExpected: "expected an integer", rootField: "file")
}
