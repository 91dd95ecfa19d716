import ArgumentParser
import Foundation
import Journal

/// `custodyctl journal …`: check and read a journal file offline, as an auditor or supervisor would.
struct JournalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "journal",
        abstract: "Verify and query a custody journal (opened read-only; the file is never modified).",
        subcommands: [Verify.self, Head.self, Copy.self, Custody.self, Alerts.self, Sessions.self, Entries.self, RebuildProjections.self]
    )

    /// The journal file every subcommand reads.
    struct Database: ParsableArguments {
        @Option(name: .customLong("db"), help: "The journal database file (a copy is fine).")
        var path: String

        func reader() throws -> JournalReader {
            do { return try JournalReader(path: path, access: .audit) } catch {
                throw ValidationError(error.description)
            }
        }
    }

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Walk the hash chain; exit 1 and name the first altered or missing entry if it is broken.")

        @OptionGroup var database: Database
        @Option(name: .customLong("anchor"),
                help: "SEQ:HASH printed earlier by `journal head` and kept elsewhere (repeatable).")
        var anchors: [String] = []
        @Flag(help: "Print the result as JSON.") var json = false

        func run() async throws {
            let parsed = try anchors.map { text in
                guard let anchor = ChainAnchor(text) else {
                    throw ValidationError("not an anchor: \(text) (expected SEQ:64-hex-digit hash)")
                }
                return anchor
            }
            let result = try database.reader().verify(anchors: parsed)
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys]
                print(String(decoding: try encoder.encode(result), as: UTF8.self))
            } else {
                print("\(database.path): \(result)")
            }
            if !result.isIntact { throw ExitCode(1) }
        }
    }

    struct Head: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the newest entry as SEQ:HASH, to keep outside the station as an anchor for verify.")

        @OptionGroup var database: Database

        func run() async throws {
            guard let head = try database.reader().chainHead() else { throw ValidationError("the journal is empty") }
            print(head)
        }
    }

    struct Copy: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Take a consistent copy of a journal, even while the daemon writes it.")

        @Option(name: .customLong("db"), help: "The live journal database file.") var path: String
        @Option(help: "The new file to write; it must not exist.") var to: String

        func run() async throws {
            let reader: JournalReader
            do { reader = try JournalReader(path: path, access: .live) } catch { throw ValidationError(error.description) }
            try reader.copy(to: to)
            print("copied \(path) to \(to) at entry \(try reader.chainHead()?.description ?? "0 (empty)")")
        }
    }

    struct Custody: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "People in custody, with each running clock and the time to its next step.")

        @OptionGroup var database: Database
        @Option(help: "The time to measure clocks against (ISO 8601, UTC); default now.") var at: String?

        func run() async throws {
            let now = try at.map(ExportCommand.parseTime) ?? .now()
            for person in try database.reader().peopleInCustody(now: now) {
                print("\(person.person)  \(person.displayName)  ID …\(person.idLast4 ?? "----")  "
                      + "held \(Self.duration(person.heldMs))  zone \(person.zone ?? "-")")
                for clock in person.clocks {
                    let next = clock.untilNextStepMs.map { " next \(clock.nextLevel?.rawValue ?? "step") in \(Self.duration($0))" } ?? ""
                    print("    \(clock.clock)  limit \(ExportCommand.formatTime(clock.limitAt))  "
                          + "left \(Self.duration(clock.remainingMs))\(next)")
                }
            }
        }

        static func duration(_ ms: Int64) -> String {
            let sign = ms < 0 ? "-" : ""
            let minutes = abs(ms) / 60_000
            return "\(sign)\(minutes / 60)h\(String(format: "%02d", minutes % 60))m"
        }
    }

    struct Alerts: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Alerts by state, rule, level, zone and time.")

        @OptionGroup var database: Database
        @Option(help: "open, acknowledged or cleared (repeatable).") var state: [String] = []
        @Option(help: "Rule id, e.g. CLK-01.") var rule: String?
        @Option(help: "Minimum level: warn, warn2, critical, alarm.") var level: String?
        @Option(help: "Zone id.") var zone: String?
        @Option(help: "Raised at or after (ISO 8601, UTC).") var from: String?
        @Option(help: "Raised before (ISO 8601, UTC).") var to: String?

        func run() async throws {
            let states = try state.map { text in
                guard let state = AlertState(rawValue: text) else { throw ValidationError("unknown state \(text)") }
                return state
            }
            let minimum = try level.map { text in
                guard let level = AlertLevel(rawValue: text) else { throw ValidationError("unknown level \(text)") }
                return level
            }
            let filter = AlertFilter(states: states.isEmpty ? nil : Set(states), rule: rule, minimumLevel: minimum,
                                     zone: zone, from: try from.map(ExportCommand.parseTime),
                                     to: try to.map(ExportCommand.parseTime))
            for alert in try database.reader().alerts(filter) {
                print("\(ExportCommand.formatTime(alert.raisedAt))  \(alert.id)  \(alert.rule)  \(alert.level.rawValue)  "
                      + "\(alert.state.rawValue)  \(alert.person ?? "-")  \(alert.zone ?? "-")  \(alert.message)")
            }
        }
    }

    struct Sessions: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Custody sessions begun in a date range, with totals.")

        @OptionGroup var database: Database
        @Option(help: "Arrived at or after (ISO 8601 date or date-time, UTC).") var from: String
        @Option(help: "Arrived before (ISO 8601 date or date-time, UTC).") var to: String

        func run() async throws {
            let report = try database.reader().sessions(from: ExportCommand.parseTime(from),
                                                        to: ExportCommand.parseTime(to), now: .now())
            for session in report.sessions {
                print("\(ExportCommand.formatTime(session.arrivedAt))  \(session.person)  \(session.displayName)  "
                      + "held \(Custody.duration(session.heldMs))  \(session.outcome ?? "in custody")")
            }
            print("\(report.count) sessions, \(report.stillInCustody) still in custody, total held "
                  + "\(Custody.duration(report.totalHeldMs)), longest \(Custody.duration(report.longestHeldMs)), "
                  + "average \(Custody.duration(report.averageHeldMs)), \(report.alertsRaised) alerts raised")
        }
    }

    struct Entries: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print entries in sequence order.")

        @OptionGroup var database: Database
        @Option(help: "Start after this sequence number.") var after: Int64 = 0
        @Option(help: "Only this kind (repeatable).") var kind: [String] = []
        @Option(help: "At most this many entries.") var limit = 100

        func run() async throws {
            let kinds = kind.isEmpty ? nil : Set(kind.map(EntryKind.init(rawValue:)))
            for entry in try database.reader().entries(after: after, kinds: kinds, limit: limit) {
                print("\(entry.seq)  \(ExportCommand.formatTime(entry.at))  \(entry.kind)  \(entry.subject)  "
                      + "\(entry.actor ?? "-")  \(entry.bodyText ?? "<\(entry.body.count) bytes>")")
            }
        }
    }

    struct RebuildProjections: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rebuild-projections",
            abstract: "Rebuild custody, clocks, alerts, devices and zones from the chain (modifies the file; daemon stopped).")

        @Option(name: .customLong("db"), help: "The journal database file.") var path: String

        func run() async throws {
            let replayed = try CustodyJournal.rebuildProjections(path: path)
            print("\(path): projections rebuilt from \(replayed) entries")
        }
    }
}
