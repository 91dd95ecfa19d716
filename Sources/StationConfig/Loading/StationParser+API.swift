internal import DeviceProfiles
internal import Yams

extension StationParser {
    /// `api: {unix_socket, socket_group, tcp: {listen}, tokens: [{name, role, sha256}]}`.
    func parseAPI(_ node: Node) -> APISettings? {
        guard let map = MappingView(node, path: "api", diagnostics: diagnostics) else { return nil }
        map.checkKeys(required: [], optional: ["unix_socket", "socket_group", "tcp", "tokens"], diagnostics: diagnostics)
        let socket = map["unix_socket"] == nil ? APISettings.defaultUnixSocket : absolutePath(map["unix_socket"], "api.unix_socket")
        let group = read.string(map["socket_group"], "api.socket_group")
        var listen: String?
        if let tcp = map["tcp"], let tcpMap = MappingView(tcp, path: "api.tcp", diagnostics: diagnostics) {
            tcpMap.checkKeys(required: ["listen"], optional: [], diagnostics: diagnostics)
            if let node = tcpMap["listen"], parseEndpoint(node, "api.tcp.listen") != nil { listen = node.string }
        }
        let tokens = parseTokens(map["tokens"])
        if listen != nil, map["tokens"]?.sequence?.isEmpty ?? true {
            diagnostics.report(map["tcp"], "api.tcp", "a TCP listener needs at least one token (api.tokens); nobody could sign in")
        }
        guard let socket else { return nil }
        return APISettings(unixSocket: socket, socketGroup: group, tcpListen: listen, tokens: tokens)
    }

    private func parseTokens(_ node: Node?) -> [APIToken] {
        var hashes: [String: String] = [:]
        var result: [APIToken] = []
        for item in items(node, "api.tokens", idKey: "name") {
            let map = item.map
            map.checkKeys(required: ["name", "role", "sha256"], optional: [], diagnostics: diagnostics)
            let role = read.choice(map["role"], map.field("role"), as: APIToken.Role.self)
            var hash = read.string(map["sha256"], map.field("sha256"))?.lowercased()
            if let text = hash, text.count != 64 || !text.allSatisfy(\.isHexDigit) {
                diagnostics.report(
                    map["sha256"], map.field("sha256"),
                    "expected the token's SHA-256 as 64 hex digits (printf %s TOKEN | sha256sum), never the token itself")
                hash = nil
            }
            if let text = hash, let other = hashes[text] {
                diagnostics.report(map["sha256"], map.field("sha256"), "the same token as '\(other)'; give each holder their own")
                hash = nil
            }
            guard let role, let hash else { continue }
            hashes[hash] = item.id
            result.append(APIToken(name: item.id, role: role, sha256: hash, location: diagnostics.location(of: map.node)))
        }
        return result
    }
}
