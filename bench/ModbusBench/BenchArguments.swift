/// A command-line mistake, reported with the usage text.
struct UsageError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = "\(description)\n\(usage)" }
}

/// Positional and `--name value` arguments.
struct BenchArguments {
    private(set) var positional: [String] = []
    private var options: [String: String] = [:]

    init(_ arguments: [String]) throws {
        var iterator = arguments.makeIterator()
        while let argument = iterator.next() {
            if argument.hasPrefix("--") {
                guard let value = iterator.next() else { throw UsageError("\(argument) needs a value") }
                options[String(argument.dropFirst(2))] = value
            } else {
                positional.append(argument)
            }
        }
    }

    func option(_ name: String) -> String? { options[name] }

    func integer(_ name: String, default value: Int) throws -> Int {
        guard let text = options[name] else { return value }
        guard let number = Int(text) else { throw UsageError("--\(name) must be a number, got '\(text)'") }
        return number
    }

    func positionalInteger(_ index: Int, _ what: String) throws -> Int {
        guard index < positional.count, let number = Int(positional[index]) else { throw UsageError("expected \(what)") }
        return number
    }

    func positionalDouble(_ index: Int, _ what: String) throws -> Double {
        guard index < positional.count, let number = Double(positional[index]) else { throw UsageError("expected \(what)") }
        return number
    }
}
