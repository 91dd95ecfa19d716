/// What sets one kind of YAML document's messages apart from another's: how they name its schema,
/// the integer forms it accepts, and the field an empty file is reported against.
package struct DocumentSchema: Sendable {
    /// The schema as unknown-key messages name it: `profile schema version 1`.
    package var name: String
    /// Whether a missing-key message names the schema too.
    package var namedOnMissingKey: Bool
    /// The integer forms a value may be written in.
    package var integerForms: IntegerLiteral.Forms
    /// What a value that is not an integer is told: `expected an integer`.
    package var integerExpected: String
    /// The field an empty file is reported against.
    package var rootField: String

    package init(
        name: String, namedOnMissingKey: Bool, integerForms: IntegerLiteral.Forms, integerExpected: String,
        rootField: String
    ) {
        self.name = name
        self.namedOnMissingKey = namedOnMissingKey
        self.integerForms = integerForms
        self.integerExpected = integerExpected
        self.rootField = rootField
    }
}
