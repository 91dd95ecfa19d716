import Foundation
import Synchronization

/// Why a peer could not be used: not installed, failed to start, said something unexpected.
struct PeerFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// A peer program (a Python script, a libmodbus example, mbpoll) running beside the code under test.
///
/// Its stdout is read line by line on a thread of its own, so a peer that keeps talking never blocks on a
/// full pipe; servers announce readiness with a line `ready PORT` (or just `ready`).
final class PeerProcess: Sendable {
    let name: String
    private let process: Process
    private let input: Pipe
    private let stdout: LineCollector
    private let stderr: LineCollector

    /// Starts `executable` with `arguments`. Fails with a message naming the peer when it cannot start.
    init(_ name: String, executable: URL, arguments: [String]) throws {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let input = Pipe()
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        do {
            try Self.withSignalsUnblocked { try process.run() }
        } catch {
            throw PeerFailure("cannot start \(name) (\(executable.path)): \(error)")
        }
        self.name = name
        self.process = process
        self.input = input
        self.stdout = LineCollector(output.fileHandleForReading, label: "\(name) stdout")
        self.stderr = LineCollector(errors.fileHandleForReading, label: "\(name) stderr")
    }

    /// Runs `body` with no signal blocked on this thread. A spawned program inherits the spawning thread's
    /// signal mask, and the test runner's worker threads block nearly every signal: a peer spawned from one
    /// would ignore SIGTERM for ever.
    private static func withSignalsUnblocked<R>(_ body: () throws -> R) rethrows -> R {
        var none = sigset_t()
        var previous = sigset_t()
        sigemptyset(&none)
        pthread_sigmask(SIG_SETMASK, &none, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        return try body()
    }

    /// Waits for the peer's `ready` line and returns the words after it.
    func awaitReady(timeout: Duration = .seconds(15)) throws -> [String] {
        let line = try stdout.awaitLine(timeout: timeout) { $0.hasPrefix("ready") }
        guard let line else {
            throw PeerFailure("\(name) never said ready; \(diagnostics())")
        }
        return line.split(separator: " ").dropFirst().map(String.init)
    }

    /// Waits for `ready PORT` and returns the port.
    func awaitReadyPort(timeout: Duration = .seconds(15)) throws -> Int {
        let words = try awaitReady(timeout: timeout)
        guard let text = words.first, let port = Int(text), (1...65535).contains(port) else {
            throw PeerFailure("\(name) said ready without a port: \(words)")
        }
        return port
    }

    /// Closes the peer's stdin, asks it to stop and waits until it has.
    func terminate() {
        try? input.fileHandleForWriting.close()
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        stdout.awaitEnd()
        stderr.awaitEnd()
    }

    /// Waits until the peer exits on its own; kills it after `timeout`.
    func awaitExit(timeout: Duration) throws -> (status: Int32, stdout: [String], stderr: [String]) {
        try? input.fileHandleForWriting.close()
        guard stdout.awaitEnd(timeout: timeout) else {
            process.terminate()
            process.waitUntilExit()
            throw PeerFailure("\(name) did not finish within \(timeout); \(diagnostics())")
        }
        process.waitUntilExit()
        stderr.awaitEnd()
        return (process.terminationStatus, stdout.lines, stderr.lines)
    }

    /// What the peer printed so far, for failure messages.
    func diagnostics() -> String {
        let state = process.isRunning ? "running" : "exited with status \(process.terminationStatus)"
        let out = stdout.lines.suffix(20).joined(separator: "\n")
        let err = stderr.lines.suffix(20).joined(separator: "\n")
        return "\(state)\n--- stdout ---\n\(out)\n--- stderr ---\n\(err)"
    }

    /// Runs a peer to completion and returns its output; throws when it fails or hangs.
    static func run(_ name: String, executable: URL, arguments: [String], timeout: Duration = .seconds(15)) throws
        -> [String]
    {
        let peer = try PeerProcess(name, executable: executable, arguments: arguments)
        let (status, out, err) = try peer.awaitExit(timeout: timeout)
        guard status == 0 else {
            throw PeerFailure(
                "\(name) \(arguments.joined(separator: " ")) exited with status \(status)\n"
                    + "--- stdout ---\n\(out.joined(separator: "\n"))\n--- stderr ---\n\(err.joined(separator: "\n"))")
        }
        return out
    }
}

/// Reads a pipe to its end on a dedicated thread, keeping every line.
private final class LineCollector: Sendable {
    private struct State {
        var lines: [String] = []
        var partial: [UInt8] = []
        var ended = false
    }
    private let state = Mutex(State())
    private let changed = NSCondition()

    init(_ handle: FileHandle, label: String) {
        let thread = Thread { [self] in
            while true {
                let data = handle.availableData
                if data.isEmpty { break }
                append(Array(data))
            }
            finish()
        }
        thread.name = label
        thread.start()
    }

    var lines: [String] { state.withLock { $0.lines } }

    /// The first line matching `predicate`, or nil when the pipe ended first or `timeout` passed.
    func awaitLine(timeout: Duration, where predicate: (String) -> Bool) throws -> String? {
        let deadline = Date().addingTimeInterval(timeout.seconds)
        changed.lock()
        defer { changed.unlock() }
        while true {
            let (found, ended) = state.withLock { s in (s.lines.first(where: predicate), s.ended) }
            if let found { return found }
            if ended || !changed.wait(until: deadline) { return nil }
        }
    }

    /// Waits for the end of the pipe; false when `timeout` passed first.
    @discardableResult
    func awaitEnd(timeout: Duration = .seconds(30)) -> Bool {
        let deadline = Date().addingTimeInterval(timeout.seconds)
        changed.lock()
        defer { changed.unlock() }
        while !state.withLock({ $0.ended }) {
            if !changed.wait(until: deadline) { return state.withLock { $0.ended } }
        }
        return true
    }

    private func append(_ bytes: [UInt8]) {
        changed.lock()
        state.withLock { s in
            s.partial += bytes
            while let newline = s.partial.firstIndex(of: UInt8(ascii: "\n")) {
                s.lines.append(String(decoding: s.partial[..<newline], as: UTF8.self))
                s.partial.removeSubrange(...newline)
            }
        }
        changed.broadcast()
        changed.unlock()
    }

    private func finish() {
        changed.lock()
        state.withLock { s in
            if !s.partial.isEmpty { s.lines.append(String(decoding: s.partial, as: UTF8.self)) }
            s.partial = []
            s.ended = true
        }
        changed.broadcast()
        changed.unlock()
    }
}

extension Duration {
    /// The duration in seconds, as Foundation's time intervals count.
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
