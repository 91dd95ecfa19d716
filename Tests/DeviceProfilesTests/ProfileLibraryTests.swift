import Foundation
import Testing
@testable import DeviceProfiles

struct ProfileLibraryTests {
    @Test func duplicateIdsAcrossFilesAreRejected() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try Fixtures.sensor.write(toFile: directory + "/a.yaml", atomically: true, encoding: .utf8)
        try Fixtures.sensor.write(toFile: directory + "/b.yaml", atomically: true, encoding: .utf8)
        try "not a profile".write(toFile: directory + "/notes.txt", atomically: true, encoding: .utf8)

        let result = ProfileLibrary.check(directory: directory)
        #expect(result.profiles.map(\.id) == ["test-sensor"])
        #expect(result.diagnostics.map(\.description) == [
            "\(directory)/b.yaml:1:1: profile: duplicate profile id 'test-sensor' (also in \(directory)/a.yaml)"
        ])
        #expect(throws: ProfileLoadError.self) { try ProfileLibrary.load(directory: directory) }
    }

    @Test func errorsOfEveryFileAreCollected() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try Fixtures.sensor.replacingOccurrences(of: "scale: 0.1", with: "scale: 0")
            .write(toFile: directory + "/a.yaml", atomically: true, encoding: .utf8)
        try Fixtures.door.replacingOccurrences(of: "fc: 5", with: "fc: 6")
            .write(toFile: directory + "/b.yaml", atomically: true, encoding: .utf8)
        let error = try #require(throws: ProfileLoadError.self) { try ProfileLibrary.load(directory: directory) }
        #expect(error.diagnostics.map { ($0.location.file as NSString).lastPathComponent } == ["a.yaml", "b.yaml"])
    }

    @Test func missingDirectoryIsAnError() {
        let result = ProfileLibrary.check(directory: "/nonexistent/devices")
        #expect(result.diagnostics.map(\.message) == ["cannot list the directory"])
    }

    @Test func goodDirectoryLoadsSortedById() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try Fixtures.sensor.write(toFile: directory + "/z.yaml", atomically: true, encoding: .utf8)
        try Fixtures.door.write(toFile: directory + "/a.yaml", atomically: true, encoding: .utf8)
        let library = try ProfileLibrary.load(directory: directory)
        #expect(library.profiles.map(\.id) == ["test-door", "test-sensor"])
        #expect(library.profile(id: "test-door")?.kind == .door)
    }
}
