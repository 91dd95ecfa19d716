import DeviceProfiles
import Foundation
import Testing
import StationConfig

/// Paths expand `${NAME}` and `${NAME:-default}`, so one station file serves several run folders.
struct VariableExpansionTests {
    static let socket = "unix_socket: /run/custodyd/api.sock"

    static func check(socket: String, environment: [String: String]) throws -> (Station?, [String]) {
        let directory = try StationFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/station.yaml"
        try StationFixtures.station([(Self.socket, "unix_socket: \"\(socket)\"")]).write(toFile: path, atomically: true, encoding: .utf8)
        let result = Station.check(file: path, profiles: try StationFixtures.profiles(), environment: environment)
        return (result.station, result.diagnostics.map { $0.description.replacingOccurrences(of: directory + "/", with: "") })
    }

    @Test func defaultWhenUnsetValueWhenSet() throws {
        let written = "${RUN:-/tmp/run}/api.sock"
        #expect(try Self.check(socket: written, environment: [:]).0?.api.unixSocket == "/tmp/run/api.sock")
        #expect(try Self.check(socket: written, environment: ["RUN": "/srv/a"]).0?.api.unixSocket == "/srv/a/api.sock")
        #expect(try Self.check(socket: "${RUN}/x/${SUB}.sock", environment: ["RUN": "/r", "SUB": "s"]).0?.api.unixSocket == "/r/x/s.sock")
        #expect(try Self.check(socket: "/run/$HOME.sock", environment: ["HOME": "/root"]).0?.api.unixSocket == "/run/$HOME.sock")
    }

    @Test func unsetVariableWithoutDefaultIsAnError() throws {
        let (station, lines) = try Self.check(socket: "${RUN}/api.sock", environment: [:])
        #expect(station == nil)
        #expect(lines == ["station.yaml:49:16: api.unix_socket: environment variable RUN is not set and '${RUN}' gives no default"])
    }

    @Test func malformedReferencesAreErrors() throws {
        #expect(try Self.check(socket: "${RUN/api.sock", environment: [:]).1 == [
            "station.yaml:49:16: api.unix_socket: unterminated '${' in '${RUN/api.sock'",
        ])
        #expect(try Self.check(socket: "${run}/api.sock", environment: [:]).1 == [
            "station.yaml:49:16: api.unix_socket: expected ${NAME} or ${NAME:-default} with NAME of A-Z, 0-9 and _, got '${run}'",
        ])
    }

    @Test func expandedPathMustStillBeAbsolute() throws {
        #expect(try Self.check(socket: "${RUN:-run}/api.sock", environment: [:]).1 == [
            "station.yaml:49:16: api.unix_socket: expected an absolute path, got 'run/api.sock'",
        ])
    }
}
