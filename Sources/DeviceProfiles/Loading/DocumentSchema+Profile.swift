extension DocumentSchema {
    /// Device profiles (DEVICES.md): unknown and missing keys name the schema version, and integers may
    /// be written in hex, octal or binary.
    static let profile = DocumentSchema(
        name: "profile schema version 1", namedOnMissingKey: true, integerForms: .anyRadix,
        integerExpected: "expected an integer (decimal, or 0x… hex)", rootField: "profile")
}
