public import CustodyCore
public import Journal

/// Rebuilds the core's state from the journal: every recorded input, in sequence order, applied at its
/// recorded time. The clocks continue from their original start; nothing is re-raised that was not raised.
public enum EngineReplay {
    /// The kinds of entry whose bodies are core inputs.
    public static let inputKinds: Set<EntryKind> = [.observation, .command, .tick]

    /// The rebuilt engine and the sequence number of the last input replayed.
    public static func rebuild(
        layout: StationLayout, parameters: RuleParameters, from reader: JournalReader
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
