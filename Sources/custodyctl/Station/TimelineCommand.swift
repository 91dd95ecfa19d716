import ArgumentParser

/// `custodyctl timeline PERSON`: one person's record from the journal.
struct TimelineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline", abstract: "Show a person's sessions, zone visits, alerts and journal entries.")

    @OptionGroup var options: StationOptions

    @Argument(help: "The person's id.")
    var person: String

    func run() throws {
        try station {
            let reply = try options.client().get("/v1/people/\(escaped(person))/timeline")
            if options.json { return emit(reply.text) }
            let timeline = try reply.json() as? [String: Any] ?? [:]
            var table = TextTable("TIME", "SEQ", "KIND", "ACTOR", "DETAIL")
            for entry in timeline["entries"] as? [[String: Any]] ?? [] {
                let body = StationFormat.string(entry["body"])
                table.add(StationFormat.time(entry["at"]), StationFormat.string(entry["seq"]),
                          StationFormat.string(entry["kind"]), StationFormat.string(entry["actor"]),
                          body.count > 100 ? String(body.prefix(97)) + "..." : body)
            }
            emit(table.render())
        }
    }
}
