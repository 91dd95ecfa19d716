import ArgumentParser
import Foundation

/// `custodyctl events`: follow the daemon's event stream, one line per event.
struct EventsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events", abstract: "Follow alerts, commands, effects and device changes as they happen.")

    @OptionGroup var options: StationOptions

    @Option(help: "Stop after this many events (default: follow until interrupted).")
    var count: Int?

    func run() throws {
        try station {
            var seen = 0
            try options.client().follow("/v1/events") { event, data in
                emit(options.json ? data : Self.line(event, data))
                seen += 1
                return count.map { seen < $0 } ?? true
            }
        }
    }

    /// A one-line summary of an event.
    static func line(_ event: String, _ data: String) -> String {
        let object = (try? JSONSerialization.jsonObject(with: Data(data.utf8))) as? [String: Any] ?? [:]
        let formatter = DateFormatter()
        formatter.dateFormat = "HH:mm:ss"
        let time = formatter.string(from: Date())
        switch event {
        case "alert":
            let alert = object["alert"] as? [String: Any] ?? [:]
            return "\(time)  alert \(StationFormat.string(object["change"])): \(StationFormat.string(alert["level"])) "
                + "\(StationFormat.string(alert["rule"])) \(StationFormat.string(alert["person"]))  "
                + StationFormat.string(alert["message"])
        case "command":
            let outcome = object["accepted"] as? Bool == true
                ? "accepted" : "refused (\(StationFormat.string(object["rejection"])))"
            return "\(time)  \(StationFormat.string(object["officer"])): \(StationFormat.string(object["action"])) "
                + "\(StationFormat.string(object["person"])) \(outcome)"
        case "device":
            let state = object["online"] as? Bool == true ? "online" : "OFFLINE"
            return "\(time)  device \(StationFormat.string(object["id"])) \(state)  \(StationFormat.string(object["detail"]))"
        case "lagged":
            return "\(time)  (\(StationFormat.string(object["dropped"])) events missed: this terminal read too slowly)"
        default:
            return "\(time)  \(event) \(data)"
        }
    }
}
