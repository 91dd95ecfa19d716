/// The supervisors' and the daemon's questions, answered from the projections.
extension JournalReader {
    /// People in custody at `now`, with every running clock and the time to its next step.
    public func peopleInCustody(now: UTCMillis) throws(JournalError) -> [CustodyStatus] {
        try read { database throws(JournalError) in
            let people = try database.statement("""
                SELECT s.session, s.person, s.display_name, s.id_last4, s.arrived_at,
                    (SELECT zone FROM zone_visits v WHERE v.person = s.person AND v.left_at IS NULL)
                FROM custody_sessions s WHERE s.released_at IS NULL ORDER BY s.arrived_at
                """).rows { row in
                CustodyStatus(session: row.int64(0), person: row.text(1), displayName: row.text(2),
                              idLast4: row.optionalText(3), arrivedAt: row.int64(4), heldMs: now - row.int64(4),
                              zone: row.optionalText(5), clocks: [])
            }
            let clocks = try database.statement("""
                SELECT clock, started_at, limit_at, next_step_at, next_level FROM clocks
                WHERE session = ? AND stopped_at IS NULL ORDER BY limit_at
                """)
            var result = people
            for index in result.indices {
                result[index].clocks = try clocks.rows([.integer(result[index].session)]) { row in
                    let next = row.optionalInt64(3)
                    return ClockStatus(clock: row.text(0), startedAt: row.int64(1), limitAt: row.int64(2),
                                       nextStepAt: next, nextLevel: row.optionalText(4).flatMap(AlertLevel.init),
                                       stoppedAt: nil, remainingMs: row.int64(2) - now,
                                       untilNextStepMs: next.map { $0 - now })
                }
            }
            return result
        }
    }

    /// Alerts matching `filter`, newest first.
    public func alerts(_ filter: AlertFilter = AlertFilter()) throws(JournalError) -> [AlertRecord] {
        var conditions: [String] = []
        var values: [SQLiteValue] = []
        if filter.states == [.open, .acknowledged] {
            conditions.append("cleared_at IS NULL")
        } else if let states = filter.states, states.count < AlertState.allCases.count {
            var parts: [String] = []
            if states.contains(.open) { parts.append("(cleared_at IS NULL AND acknowledged_by IS NULL)") }
            if states.contains(.acknowledged) { parts.append("(cleared_at IS NULL AND acknowledged_by IS NOT NULL)") }
            if states.contains(.cleared) { parts.append("cleared_at IS NOT NULL") }
            conditions.append(parts.isEmpty ? "0" : "(" + parts.joined(separator: " OR ") + ")")
        }
        if let rule = filter.rule { conditions.append("rule = ?"); values.append(.text(rule)) }
        if let minimum = filter.minimumLevel {
            let levels = AlertLevel.allCases.filter { $0 >= minimum }
            conditions.append("level IN (\(levels.map { "'\($0.rawValue)'" }.joined(separator: ",")))")
        }
        if let zone = filter.zone { conditions.append("zone = ?"); values.append(.text(zone)) }
        if let person = filter.person { conditions.append("person = ?"); values.append(.text(person)) }
        if let from = filter.from { conditions.append("raised_at >= ?"); values.append(.integer(from)) }
        if let to = filter.to { conditions.append("raised_at < ?"); values.append(.integer(to)) }
        let whereClause = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        values.append(.integer(Int64(filter.limit)))
        let sql = "SELECT \(Self.alertColumns) FROM alerts\(whereClause) ORDER BY raised_at DESC, alert_id LIMIT ?"
        let bound = values
        return try read { database throws(JournalError) in try database.statement(sql).rows(bound, Self.alert) }
    }

    /// Custody sessions that began in `from..<to`, with totals; times held are measured to `now` for
    /// people still in custody.
    public func sessions(from: UTCMillis, to: UTCMillis, now: UTCMillis) throws(JournalError) -> SessionReport {
        try read { database throws(JournalError) in
            let sessions = try database.statement("""
                SELECT \(Self.sessionColumns) FROM custody_sessions
                WHERE arrived_at >= ? AND arrived_at < ? ORDER BY arrived_at
                """).rows([.integer(from), .integer(to)]) { Self.session($0, now: now) }
            let alerts = try database.statement("""
                SELECT COUNT(*) FROM alerts a JOIN custody_sessions s ON a.person = s.person
                WHERE s.arrived_at >= ?1 AND s.arrived_at < ?2
                    AND a.raised_at >= s.arrived_at AND a.raised_at <= IFNULL(s.released_at, ?3)
                """).rows([.integer(from), .integer(to), .integer(now)]) { $0.int64(0) }.first ?? 0
            let total = sessions.reduce(Int64(0)) { $0 + $1.heldMs }
            return SessionReport(from: from, to: to, sessions: sessions, count: sessions.count,
                                 stillInCustody: sessions.filter { $0.releasedAt == nil }.count,
                                 totalHeldMs: total, longestHeldMs: sessions.map(\.heldMs).max() ?? 0,
                                 averageHeldMs: sessions.isEmpty ? 0 : total / Int64(sessions.count),
                                 alertsRaised: Int(alerts))
        }
    }

    /// Everything about one person: sessions, zone visits, alerts and entries, each in time order.
    public func timeline(person: String, now: UTCMillis) throws(JournalError) -> PersonTimeline {
        let subject = Subject.person(person).description
        return try read { database throws(JournalError) in
            let sessions = try database.statement(
                "SELECT \(Self.sessionColumns) FROM custody_sessions WHERE person = ? ORDER BY arrived_at"
            ).rows([.text(person)]) { Self.session($0, now: now) }
            let visits = try database.statement(
                "SELECT person, zone, entered_at, left_at FROM zone_visits WHERE person = ? ORDER BY entered_at, visit"
            ).rows([.text(person)]) { row in
                ZoneVisit(person: row.text(0), zone: row.text(1), enteredAt: row.int64(2), leftAt: row.optionalInt64(3))
            }
            let alerts = try database.statement(
                "SELECT \(Self.alertColumns) FROM alerts WHERE person = ? ORDER BY raised_at, alert_id"
            ).rows([.text(person)], Self.alert)
            let entries = try database.statement(
                "SELECT \(Self.entryColumns) FROM entries WHERE subject = ? ORDER BY seq"
            ).rows([.text(subject)], Self.entry)
            return PersonTimeline(person: person, sessions: sessions, visits: visits, alerts: alerts, entries: entries)
        }
    }

    /// The last known status of every device, offline ones first.
    public func devices() throws(JournalError) -> [DeviceRecord] {
        try read { database throws(JournalError) in
            try database.statement(
                "SELECT device, online, detail, since, updated_at FROM devices ORDER BY online, device"
            ).rows { row in
                DeviceRecord(device: row.text(0), online: row.int64(1) != 0, detail: row.text(2),
                             since: row.int64(3), updatedAt: row.int64(4))
            }
        }
    }

    /// Who is in each zone now: zone → people, for head counts.
    public func presence() throws(JournalError) -> [String: [String]] {
        let pairs = try read { database throws(JournalError) in
            try database.statement("SELECT zone, person FROM zone_visits WHERE left_at IS NULL ORDER BY person")
                .rows { ($0.text(0), $0.text(1)) }
        }
        return Dictionary(grouping: pairs, by: \.0).mapValues { $0.map(\.1) }
    }

    /// Earlier sessions of the same ID number (by its keyed hash), newest first: the chained-summons check.
    public func sessions(idHash: ProtectedID, now: UTCMillis) throws(JournalError) -> [CustodySession] {
        try read { database throws(JournalError) in
            try database.statement(
                "SELECT \(Self.sessionColumns) FROM custody_sessions WHERE id_hash = ? ORDER BY arrived_at DESC"
            ).rows([.blob(idHash.hash)]) { Self.session($0, now: now) }
        }
    }

    static let alertColumns = """
        alert_id, rule, level, person, zone, message, raised_at, updated_at, acknowledged_by, acknowledged_at, cleared_at
        """

    static func alert(_ row: SQLiteStatement) -> AlertRecord {
        AlertRecord(id: row.text(0), rule: row.text(1), level: AlertLevel(rawValue: row.text(2)) ?? .alarm,
                    person: row.optionalText(3), zone: row.optionalText(4), message: row.text(5),
                    raisedAt: row.int64(6), updatedAt: row.int64(7), acknowledgedBy: row.optionalText(8),
                    acknowledgedAt: row.optionalInt64(9), clearedAt: row.optionalInt64(10))
    }

    static let sessionColumns = "session, person, display_name, id_last4, arrived_at, released_at, outcome"

    static func session(_ row: SQLiteStatement, now: UTCMillis) -> CustodySession {
        let released = row.optionalInt64(5)
        return CustodySession(session: row.int64(0), person: row.text(1), displayName: row.text(2),
                              idLast4: row.optionalText(3), arrivedAt: row.int64(4), releasedAt: released,
                              outcome: row.optionalText(6), heldMs: (released ?? now) - row.int64(4))
    }
}
