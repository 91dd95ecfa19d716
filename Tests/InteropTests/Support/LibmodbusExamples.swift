import Foundation
import Glibc

/// libmodbus's own test programs, built from the sources Debian ships in libmodbus-dev's examples.
///
/// They are BSD-licensed upstream test code, so they are compiled here at test time, never committed.
/// The copy is patched in three places so tests can run in parallel: it listens on a port the kernel
/// picks (port 0) instead of the hard-coded 1502, prints `ready PORT` once it listens, and keeps debug
/// output off.
enum LibmodbusExamples {
    static let examples = URL(fileURLWithPath: "/usr/share/doc/libmodbus-dev/examples")

    /// `unit-test-server`, built on first use and kept in .build/interop-peers.
    static func unitTestServer() throws -> URL { try builtUnitTestServer.get() }

    private static let builtUnitTestServer = Result { try buildUnitTestServer() }

    private static let announceReady = """
        #include <netinet/in.h>
        #include <stdio.h>
        #include <sys/socket.h>
        static void announce_ready(int s) {
            struct sockaddr_in a;
            socklen_t n = sizeof a;
            getsockname(s, (struct sockaddr *)&a, &n);
            printf("ready %d\\n", ntohs(a.sin_port));
            fflush(stdout);
        }

        """

    private static func buildUnitTestServer() throws -> URL {
        let source = examples.appendingPathComponent("unit-test-server.c")
        let header = examples.appendingPathComponent("unit-test.h")
        guard FileManager.default.fileExists(atPath: source.path), FileManager.default.fileExists(atPath: header.path)
        else { throw PeerFailure("\(source.path) is missing; run scripts/setup (Debian package libmodbus-dev)") }
        var text = try String(contentsOf: source, encoding: .utf8)
        let patches = [
            ("modbus_new_tcp(\"127.0.0.1\", 1502)", "modbus_new_tcp(\"127.0.0.1\", 0)"),
            ("s = modbus_tcp_listen(ctx, 1);", "s = modbus_tcp_listen(ctx, 1);\n        announce_ready(s);"),
            ("modbus_set_debug(ctx, TRUE);", "modbus_set_debug(ctx, FALSE);"),
        ]
        for (original, replacement) in patches {
            guard text.components(separatedBy: original).count == 2 else {
                throw PeerFailure("unit-test-server.c changed: expected exactly one '\(original)'")
            }
            text = text.replacingOccurrences(of: original, with: replacement)
        }
        let program = announceReady + text
        // Built once per content into .build (ignored by git, kept between runs); a parallel run that
        // builds the same binary renames an identical file over it.
        let cache = Peers.packageRoot.appendingPathComponent(".build/interop-peers")
        let binary = cache.appendingPathComponent("unit-test-server-\(fnv1a(program))")
        if FileManager.default.isExecutableFile(atPath: binary.path) { return binary }
        let scratch = cache.appendingPathComponent("build-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        try FileManager.default.copyItem(at: header, to: scratch.appendingPathComponent("unit-test.h"))
        let patched = scratch.appendingPathComponent("unit-test-server.c")
        try program.write(to: patched, atomically: true, encoding: .utf8)
        let built = scratch.appendingPathComponent("unit-test-server")
        try compile(patched, to: built)
        guard rename(built.path, binary.path) == 0 else {
            throw PeerFailure("cannot move the built unit-test-server to \(binary.path) (errno \(errno))")
        }
        return binary
    }

    /// FNV-1a, a stable content hash (Swift's own hashes change from run to run).
    private static func fnv1a(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return String(hash, radix: 16)
    }

    /// Compiles one C file against the installed libmodbus, with gcc, or the C compiler Swift ships (clang).
    static func compile(_ source: URL, to binary: URL) throws {
        let compiler = try (try? Peers.tool("gcc", package: "gcc")) ?? (try? Peers.tool("cc", package: "gcc"))
            ?? Peers.tool("clang", package: "gcc")
        _ = try PeerProcess.run(
            compiler.lastPathComponent, executable: compiler,
            arguments: ["-O2", "-o", binary.path, source.path] + (try libmodbusFlags()), timeout: .seconds(60))
    }

    /// pkg-config's flags for libmodbus; Debian's layout when pkg-config itself is missing.
    private static func libmodbusFlags() throws -> [String] {
        guard let pkgConfig = try? Peers.tool("pkg-config", package: "pkg-config") else {
            return ["-I/usr/include/modbus", "-lmodbus"]
        }
        return try PeerProcess.run("pkg-config", executable: pkgConfig, arguments: ["--cflags", "--libs", "libmodbus"])
            .joined(separator: " ").split(separator: " ").map(String.init)
    }
}
