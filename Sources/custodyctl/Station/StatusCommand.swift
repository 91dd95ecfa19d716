import ArgumentParser
import Foundation

/// `custodyctl status`: devices, zones, people and open alerts at a glance.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Show devices, zones, people in custody and open alerts.")

    @OptionGroup var options: StationOptions

    @Flag(help: "Refresh every 2 seconds until interrupted.")
    var watch = false

    func run() throws {
        try station {
            let client = try options.client()
            repeat {
                let reply = try client.get("/v1/status")
                if options.json {
                    emit(reply.text)
                } else {
                    if watch { FileHandle.standardOutput.write(Data("\u{1B}[H\u{1B}[2J".utf8)) }
                    emit(Self.render(try reply.json() as? [String: Any] ?? [:]))
                }
                if watch { Thread.sleep(forTimeInterval: 2) }
            } while watch
        }
    }

    static func render(_ status: [String: Any]) -> String {
        var out: [String] = []
        let fire = status["fire_active"] as? Bool == true ? "  FIRE ALARM ACTIVE" : ""
        out.append("custodyd at \(StationFormat.time(status["now"])): "
            + "\(StationFormat.string(status["people_in_custody"])) in custody\(fire)")
        let devices = status["devices"] as? [[String: Any]] ?? []
        let offline = devices.filter { $0["online"] as? Bool != true }
        out.append("\nDEVICES: \(devices.count - offline.count)/\(devices.count) online")
        for device in offline {
            out.append("  offline  \(StationFormat.string(device["id"]))  \(StationFormat.string(device["detail"]))")
        }
        var zones = TextTable("ZONE", "KIND", "PEOPLE", "OFFICERS")
        for zone in status["zones"] as? [[String: Any]] ?? [] {
            zones.add(StationFormat.string(zone["id"]), StationFormat.string(zone["kind"]),
                      StationFormat.string(zone["people"]), StationFormat.string(zone["officers"]))
        }
        out.append("\n" + zones.render())
        let people = status["people"] as? [[String: Any]] ?? []
        if !people.isEmpty { out.append("\n" + StationFormat.people(people)) }
        let alerts = status["alerts"] as? [[String: Any]] ?? []
        out.append("\nOPEN ALERTS: \(alerts.count)")
        if !alerts.isEmpty { out.append(StationFormat.alerts(alerts)) }
        return out.joined(separator: "\n")
    }
}
