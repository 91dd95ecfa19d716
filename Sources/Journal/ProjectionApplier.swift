/// Applies projection changes to the projection tables, inside the writer's open transaction.
///
/// Changes that name something unknown (closing a session that was never opened, clearing an unknown
/// alert) change nothing: the entry is still journaled, and the journal never refuses an append because
/// of its projections.
struct ProjectionApplier {
    let database: SQLiteDatabase

    func apply(_ change: ProjectionChange, seq: Int64) throws(JournalError) {
        switch change {
        case let .custodyOpened(person, displayName, id, arrivedAt):
            try database.statement("""
                INSERT INTO custody_sessions (person, display_name, id_hash, id_last4, arrived_at, opened_seq)
                VALUES (?, ?, ?, ?, ?, ?)
                """).run([.text(person), .text(displayName), id.map { .blob($0.hash) } ?? .null,
                          .optionalText(id?.last4), .integer(arrivedAt), .integer(seq)])
        case let .custodyClosed(person, releasedAt, outcome):
            let sessions = try database.statement(
                "SELECT session FROM custody_sessions WHERE person = ? AND released_at IS NULL"
            ).rows([.text(person)]) { $0.int64(0) }
            for session in sessions {
                try database.statement("""
                    UPDATE custody_sessions SET released_at = ?, outcome = ?, closed_seq = ? WHERE session = ?
                    """).run([.integer(releasedAt), .text(outcome), .integer(seq), .integer(session)])
                try database.statement("""
                    UPDATE clocks SET stopped_at = ?, next_step_at = NULL, next_level = NULL
                    WHERE session = ? AND stopped_at IS NULL
                    """).run([.integer(releasedAt), .integer(session)])
            }
            try closeVisit(person: person, at: releasedAt)
        case let .clockUpdated(person, clock, startedAt, limitAt, nextStepAt, nextLevel):
            try database.statement("""
                INSERT INTO clocks (session, clock, started_at, limit_at, next_step_at, next_level)
                SELECT session, ?2, ?3, ?4, ?5, ?6 FROM custody_sessions WHERE person = ?1 AND released_at IS NULL
                ON CONFLICT (session, clock) DO UPDATE SET started_at = excluded.started_at,
                    limit_at = excluded.limit_at, next_step_at = excluded.next_step_at,
                    next_level = excluded.next_level, stopped_at = NULL
                """).run([.text(person), .text(clock), .integer(startedAt), .integer(limitAt),
                          .optionalInteger(nextStepAt), .optionalText(nextLevel?.rawValue)])
        case let .clockStopped(person, clock, at):
            try database.statement("""
                UPDATE clocks SET stopped_at = ?3, next_step_at = NULL, next_level = NULL
                WHERE clock = ?2 AND stopped_at IS NULL AND session IN
                    (SELECT session FROM custody_sessions WHERE person = ?1 AND released_at IS NULL)
                """).run([.text(person), .text(clock), .integer(at)])
        case let .alertRaised(id, rule, level, person, zone, message, at):
            try database.statement("""
                INSERT INTO alerts (alert_id, rule, level, person, zone, message, raised_at, updated_at, raised_seq)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, ?8)
                ON CONFLICT (alert_id) DO UPDATE SET level = excluded.level, message = excluded.message,
                    updated_at = excluded.updated_at, cleared_at = NULL
                """).run([.text(id), .text(rule), .text(level.rawValue), .optionalText(person),
                          .optionalText(zone), .text(message), .integer(at), .integer(seq)])
        case let .alertLevelChanged(id, level, at):
            try database.statement("UPDATE alerts SET level = ?, updated_at = ? WHERE alert_id = ?")
                .run([.text(level.rawValue), .integer(at), .text(id)])
        case let .alertAcknowledged(id, by, at):
            try database.statement("""
                UPDATE alerts SET acknowledged_by = ?, acknowledged_at = ?, updated_at = ? WHERE alert_id = ?
                """).run([.text(by), .integer(at), .integer(at), .text(id)])
        case let .alertCleared(id, at):
            try database.statement("""
                UPDATE alerts SET cleared_at = ?, updated_at = ? WHERE alert_id = ? AND cleared_at IS NULL
                """).run([.integer(at), .integer(at), .text(id)])
        case let .deviceStatus(device, online, detail, at):
            try database.statement("""
                INSERT INTO devices (device, online, detail, since, updated_at) VALUES (?1, ?2, ?3, ?4, ?4)
                ON CONFLICT (device) DO UPDATE SET
                    since = CASE WHEN devices.online = excluded.online THEN devices.since ELSE excluded.since END,
                    online = excluded.online, detail = excluded.detail, updated_at = excluded.updated_at
                """).run([.text(device), .integer(online ? 1 : 0), .text(detail), .integer(at)])
        case let .zonePresence(person, zone, at):
            let current = try database.statement(
                "SELECT zone FROM zone_visits WHERE person = ? AND left_at IS NULL"
            ).rows([.text(person)]) { $0.text(0) }
            if let zone, current == [zone] { return }
            try closeVisit(person: person, at: at)
            if let zone {
                try database.statement("INSERT INTO zone_visits (person, zone, entered_at) VALUES (?, ?, ?)")
                    .run([.text(person), .text(zone), .integer(at)])
            }
        }
    }

    private func closeVisit(person: String, at: UTCMillis) throws(JournalError) {
        try database.statement("UPDATE zone_visits SET left_at = ? WHERE person = ? AND left_at IS NULL")
            .run([.integer(at), .text(person)])
    }
}
