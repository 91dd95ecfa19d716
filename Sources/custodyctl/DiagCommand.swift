import ArgumentParser

struct DiagCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "diag")
}
