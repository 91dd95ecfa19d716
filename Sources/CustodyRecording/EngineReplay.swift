public import CustodyCore
public import Journal

/// Rebuilds the core's state from the journal: every recorded input, in sequence order, applied at its
/// recorded time. The clocks continue from their original start; nothing is re-raised that was not raised.
public enum EngineReplay {
    /// The kinds of entry whose bodies are core inputs.
    public static let inputKinds: Set<EntryKind> = [.observation, .command, .tick]

    /// How many inputs pass between two calls of a rebuild's `progress`.
    public static let progressInterval = 10_000

    /// The rebuilt engine and the sequence number of the last input replayed.
    ///
    /// `progress` is called with the inputs replayed so far every `progressEvery` inputs: a journal of
    /// years takes long enough to rebuild that a supervisor (systemd's start timeout) must hear it is moving.
    public static func rebuild(
        layout: StationLayout, parameters: RuleParameters, from reader: JournalReader,
        progressEvery: Int = progressInterval, progress: ((_ inputs: Int) -> Void)? = nil
    ) throws -> (engine: CustodyEngine, lastSeq: Int64, inputs: Int) {
        var engine: CustodyEngine?
        var last: Int64 = 0
        var count = 0
        var failure: (any Error)?
        try reader.forEachEntry(after: 0, kinds: inputKinds) { entry in
            guard failure == nil else { return }
            do {
                let record = try RecordCoding.decode(InputRecord.self, from: entry.body)
                if engine == nil { engine = CustodyEngine(layout: layout, parameters: parameters, start: record.at) }
                _ = engine!.apply(record.input, at: record.at)
                last = entry.seq
                count += 1
                if count % max(1, progressEvery) == 0 { progress?(count) }
            } catch {
                failure = ReplayError.undecodable(seq: entry.seq, reason: "\(error)")
            }
        }
        if let failure { throw failure }
        return (engine ?? CustodyEngine(layout: layout, parameters: parameters), last, count)
    }
}

/// A journal that cannot be replayed.
public enum ReplayError: Error, CustomStringConvertible {
    case undecodable(seq: Int64, reason: String)

    public var description: String {
        switch self {
        case .undecodable(let seq, let reason): "journal entry \(seq) is not a readable core input: \(reason)"
        }
    }
}
