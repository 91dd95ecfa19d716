import Foundation
import Testing

@Suite("custody-sim serve --station")
struct ServeStationCommandTests {
    @Test func printsAReadyLinePerBusThenTheStationAndRemovesItsLinksOnSIGTERM() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = folder + "/station.yaml"
        try smallStation(tcpPort: try freeTCPPort()).write(toFile: file, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: productsDirectory + "/custody-sim")
        process.arguments = ["serve", "--station", file, "--profiles", packageRoot + "/devices", "--wire", "--control", folder + "/sim.sock"]
        process.environment = ProcessInfo.processInfo.environment.merging(["CUSTODYD_DEMO_DIR": folder]) { $1 }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try withDefaultSignalMask { try process.run() }
        defer { if process.isRunning { process.terminate() } }

        var lines: [String] = []
        var bytes: [UInt8] = []
        while lines.last?.hasPrefix("ready station") != true, let byte = try output.fileHandleForReading.read(upToCount: 1)?.first {
            if byte == UInt8(ascii: "\n") {
                lines.append(String(decoding: bytes, as: UTF8.self))
                bytes = []
            } else {
                bytes.append(byte)
            }
        }
        try #require(lines.count == 4, "\(lines)")
        #expect(lines[0].hasPrefix("ready rtu /dev/pts/"))
        #expect(lines[0].hasSuffix("link=\(folder)/links/tty-doors bus=doors devices=4:lock-holding,5:reader-holding,6:reader-entrance wire=115200-8N1"))
        #expect(lines[1].hasSuffix("link=\(folder)/links/tty-env bus=env devices=1:climate-holding,6:fire-monitor wire=9600-8N1"))
        #expect(lines[2].hasPrefix("ready tcp 127.0.0.1:") && lines[2].hasSuffix(" bus=entrance devices=1:lock-entrance"))
        #expect(lines[3] == "ready station sim-test buses=3 devices=6 control=\(folder)/sim.sock")

        let client = try ControlClient(path: folder + "/sim.sock")
        #expect(client.ask("door door-holding unlock") == "ok")
        #expect(client.ask("wait lock-holding release_relay true 2000")?.hasPrefix("ok release_relay=true") == true)

        process.terminate()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: folder + "/links/tty-doors")) == nil)
        #expect(!FileManager.default.fileExists(atPath: folder + "/sim.sock"))
    }

    @Test func aBrokenStationFileIsRefusedWithFileLineErrorsAndExitCode78() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = folder + "/station.yaml"
        let broken = smallStation(tcpPort: 1502)
            .replacingOccurrences(of: "${CUSTODYD_DEMO_DIR}", with: folder)
            .replacingOccurrences(
                of: "{id: reader-holding, profile: inveo-rfid-mif, bus: doors, unit: 5}",
                with: "{id: reader-holding, profile: inveo-rfid-mif, bus: doors, unit: 4}")
        try broken.write(toFile: file, atomically: true, encoding: .utf8)
        let result = try run("custody-sim", ["serve", "--station", file, "--profiles", packageRoot + "/devices"])
        #expect(result.status == 78)
        #expect(result.output == "")
        let errors = result.error.split(separator: "\n").filter { !$0.contains(": warning: ") }
        #expect(errors.first?.hasPrefix("\(file):14:69: devices.reader-holding.unit: unit 4 on bus 'doors' is already device 'lock-holding'") == true, "\(errors)")
        #expect(errors.last == "\(file): 1 error(s); nothing served")
    }
}
