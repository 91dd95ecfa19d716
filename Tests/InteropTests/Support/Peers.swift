import Foundation

/// Where the interoperability peers live. A missing peer is a failure with the fix in the message, never
/// a silent skip: `make test` installs every peer through scripts/setup.
enum Peers {
    /// The package root, derived from this file's place in Tests/InteropTests/Support.
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The committed Python peer scripts.
    static func script(_ name: String) -> URL {
        packageRoot.appendingPathComponent("Tests/InteropTests/peers/\(name)")
    }

    /// The project's virtualenv Python, which has the pinned pymodbus and pyserial.
    static func python() throws -> URL {
        let python = packageRoot.appendingPathComponent(".venv/bin/python")
        guard FileManager.default.isExecutableFile(atPath: python.path) else {
            throw PeerFailure("no Python peers: \(python.path) is missing; run scripts/setup (creates .venv with pymodbus)")
        }
        return python
    }

    /// An installed command-line tool, found on PATH.
    static func tool(_ name: String, package: String) throws -> URL {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw PeerFailure("\(name) is not installed; run scripts/setup (Debian package \(package))")
    }

    /// Starts the pymodbus TCP server peer on a free port and returns it with the port it bound.
    static func startPymodbusServer(unit: Int) throws -> (PeerProcess, Int) {
        let server = try PeerProcess(
            "pymodbus server", executable: try python(),
            arguments: [script("pymodbus_server.py").path, "--port", "0", "--unit", String(unit)])
        do {
            return (server, try server.awaitReadyPort())
        } catch {
            server.terminate()
            throw error
        }
    }

    /// Starts the pymodbus RTU server peer on one of two linked pseudo-terminals and returns it with the
    /// path of the other one.
    static func startPymodbusRTUServer(unit: Int) throws -> (PeerProcess, String) {
        let server = try PeerProcess(
            "pymodbus RTU server", executable: try python(),
            arguments: [script("pymodbus_server.py").path, "--rtu", "--unit", String(unit)])
        do {
            guard let path = try server.awaitReady().first, path.hasPrefix("/") else {
                throw PeerFailure("pymodbus RTU server said ready without a terminal path")
            }
            return (server, path)
        } catch {
            server.terminate()
            throw error
        }
    }
}
