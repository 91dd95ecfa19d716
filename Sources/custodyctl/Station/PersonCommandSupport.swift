/// Posts a command about a person and prints what the daemon decided.
func postPersonCommand(_ options: StationOptions, _ path: String, _ body: [String: Any], done: String) throws {
    try station {
        let reply = try options.client().post(path, body)
        if options.json { return emit(reply.text) }
        emit(done)
        let result = try reply.json() as? [String: Any] ?? [:]
        for effect in result["effects"] as? [[String: Any]] ?? [] {
            guard let (kind, value) = effect.first else { continue }
            let alert = value as? [String: Any]
            if let alert, let key = alert["key"] as? [String: Any] {
                emit("  \(kind): \(StationFormat.string(key["rule"])) \(StationFormat.string(alert["level"])): "
                    + StationFormat.string(alert["message"]))
            } else {
                emit("  \(kind)")
            }
        }
    }
}
