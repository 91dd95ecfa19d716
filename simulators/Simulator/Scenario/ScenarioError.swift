/// A scenario file that cannot be used, with the place and what was expected there.
public struct ScenarioError: Error, CustomStringConvertible, Sendable {
    public var file: String
    /// 1-based line, 0 when unknown.
    public var line: Int
    public var column: Int
    /// The field's path in the file, such as `steps[3].advance`.
    public var field: String
    public var expected: String

    public init(file: String, line: Int, column: Int, field: String, expected: String) {
        self.file = file
        self.line = line
        self.column = column
        self.field = field
        self.expected = expected
    }

    public var description: String {
        "\(file):\(line):\(column): \(field.isEmpty ? "" : "\(field): ")\(expected)"
    }
}
