import DeviceProfiles
import Foundation
import Modbus
import Simulator

/// The package root, for the example profiles in devices/.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

func exampleProfile(_ id: String) throws -> DeviceProfile {
    let path = packageRoot + "/devices/\(id).yaml"
    return try DeviceProfile(yaml: String(contentsOfFile: path, encoding: .utf8), file: path)
}

/// Polls `condition` until it holds or `milliseconds` pass; the simulator's followers and pulses are
/// timed, so a test waits for the state rather than for a fixed time.
func eventually(within milliseconds: Int = 2000, _ condition: () throws -> Bool) rethrows -> Bool {
    let deadline = ContinuousClock.now.advanced(by: .milliseconds(milliseconds))
    while ContinuousClock.now < deadline {
        if try condition() { return true }
        Thread.sleep(forTimeInterval: 0.01)
    }
    return try condition()
}

/// Where `swift build` put the executables (beside the test bundle).
let productsDirectory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().path

/// A child process whose first output line is awaited and which is terminated when released.
final class Child: @unchecked Sendable {
    // `@unchecked Sendable`: the process is only started, read once and terminated by the owning test.
    let process = Process()
    let output = Pipe()
    private(set) var firstLine = ""

    init(_ executable: String, _ arguments: [String]) throws {
        process.executableURL = URL(fileURLWithPath: productsDirectory + "/" + executable)
        process.arguments = arguments
        process.standardOutput = output
        process.currentDirectoryURL = URL(fileURLWithPath: packageRoot)
        try process.run()
        var bytes: [UInt8] = []
        while let byte = try output.fileHandleForReading.read(upToCount: 1)?.first, byte != UInt8(ascii: "\n") {
            bytes.append(byte)
        }
        firstLine = String(decoding: bytes, as: UTF8.self)
    }

    deinit {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
    }

    /// The value of `key=` or the word after `tcp`/`rtu` in the ready line.
    func readyField(_ key: String) -> String? {
        let words = firstLine.split(separator: " ")
        if let index = words.firstIndex(of: Substring(key)), index + 1 < words.count { return String(words[index + 1]) }
        return words.first { $0.hasPrefix(key + "=") }.map { String($0.dropFirst(key.count + 1)) }
    }
}

/// Runs a command to completion and returns its status and standard output.
func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String, error: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: productsDirectory + "/" + executable)
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: packageRoot)
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    let errors = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self), String(decoding: errors, as: UTF8.self))
}
