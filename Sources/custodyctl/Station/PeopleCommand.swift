import ArgumentParser

/// `custodyctl people`: everyone in custody with their clocks.
struct PeopleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "people", abstract: "List people in custody with intake progress and the next clock to run out.")

    @OptionGroup var options: StationOptions

    func run() throws {
        try station {
            let reply = try options.client().get("/v1/people")
            if options.json { return emit(reply.text) }
            let people = try reply.json() as? [[String: Any]] ?? []
            emit(people.isEmpty ? "nobody in custody" : StationFormat.people(people))
        }
    }
}
