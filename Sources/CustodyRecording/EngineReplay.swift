public import CustodyCore
import Dispatch
import Foundation
public import Journal

/// Rebuilds the core's state from the journal: every recorded input, in sequence order, applied at its
/// recorded time. The clocks continue from their original start; nothing is re-raised that was not raised.
///
/// Decoding the JSON bodies costs about 25 times what applying them does, so each page of entries is
/// decoded on every core at once and then applied in sequence order on the caller's thread.
public enum EngineReplay {
    /// The kinds of entry whose bodies are core inputs.
    public static let inputKinds: Set<EntryKind> = [.observation, .command, .tick]

    /// How many inputs pass between two calls of a rebuild's `progress`.
    public static let progressInterval = 10_000

    /// Entries read, decoded and applied together.
    static let pageSize = 4_096

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
        while true {
            let page = try reader.entries(after: last, kinds: inputKinds, limit: pageSize)
            guard !page.isEmpty else { break }
            let records = decode(page)
            for (entry, decoded) in zip(page, records) {
                let record: InputRecord
                do { record = try decoded.get() } catch { throw ReplayError.undecodable(seq: entry.seq, reason: "\(error)") }
                if engine == nil { engine = CustodyEngine(layout: layout, parameters: parameters, start: record.at) }
                _ = engine!.apply(record.input, at: record.at)
                last = entry.seq
                count += 1
                if count % max(1, progressEvery) == 0 { progress?(count) }
            }
        }
        return (engine ?? CustodyEngine(layout: layout, parameters: parameters), last, count)
    }

    /// The page's bodies decoded, in page order, split among the machine's cores.
    private static func decode(_ page: [JournalEntry]) -> [Result<InputRecord, any Error>] {
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8, page.count / 256))
        let share = (page.count + workers - 1) / workers
        var results = [Result<InputRecord, any Error>?](repeating: nil, count: page.count)
        results.withUnsafeMutableBufferPointer { buffer in
            // Each worker writes only its own slice of the buffer, and all are done when concurrentPerform returns.
            nonisolated(unsafe) let out = buffer
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                let decoder = JSONDecoder()
                for index in worker * share..<min(page.count, (worker + 1) * share) {
                    out[index] = Result { try decoder.decode(InputRecord.self, from: page[index].body) }
                }
            }
        }
        return results.map { $0! }
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
