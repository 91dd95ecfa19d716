import ArgumentParser

/// `custodyctl register`: register a person on arrival.
struct RegisterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "register",
        abstract: "Register a person on arrival; the ID number is hashed by the daemon and never stored.")

    @OptionGroup var options: StationOptions
    @Option(help: "The registering officer's id.") var officer: String
    @Argument(help: "The new person's id.") var person: String
    @Option(help: "suspect, witness or victim.") var role = "suspect"
    @Option(help: "male or female.") var sex: String
    @Option(name: .customLong("birth-date"), help: "YYYY-MM-DD.") var birthDate: String
    @Option(name: .customLong("id-number"), help: "The national ID number (only over the local socket).")
    var idNumber: String?
    @Option(name: .customLong("case"), help: "The case id (co-suspects share it).") var caseID: String?
    @Option(help: "criminal_summons, forced_summons, administrative_questioning, continued_questioning, …")
    var measure = "none"
    @Flag(help: "Pregnant (CLK-04).") var pregnant = false
    @Flag(help: "Nursing a child under one year (CLK-04).") var nursing = false
    @Flag(help: "Intoxicated (rounds every 15 min).") var intoxicated = false
    @Flag(name: .customLong("at-risk"), help: "Assessed at risk (rounds every 15 min).") var atRisk = false

    func run() throws {
        var body: [String: Any] = [
            "officer": officer, "person": person, "role": role, "sex": sex, "birth_date": birthDate, "measure": measure,
            "pregnant": pregnant, "nursing": nursing, "intoxicated": intoxicated, "at_risk": atRisk,
        ]
        if let idNumber { body["id_number"] = idNumber }
        if let caseID { body["case"] = caseID }
        try postPersonCommand(options, "/v1/people", body, done: "registered \(person)")
    }
}
