import CustodyCore
import CustodyRecording
import Foundation
import Journal

/// The daemon's start-up on a month's journal: the month recorded into a real SQLite journal as the
/// daemon records it (each input's entry, its effects and the projection changes), then rebuilt as
/// `custodyd run` rebuilds it before it is ready (`EngineReplay`: read in sequence, decode each body,
/// apply).
struct JournalReplay {
    let entries: Int64
    let megabytes: Double
    let recordSeconds: Double
    let replaySeconds: Double
    let replayCPUSeconds: Double
    let inputs: Int
    let matches: Bool

    init(month: BusyMonth) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("core-bench-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("month.db").path

        let recordBegan = nanoseconds()
        let journal = try CustodyJournal(path: path)
        var engine = CustodyEngine(layout: month.station.layout, start: BusyMonth.start)
        let recorder = CustodyRecorder()
        var batch: [NewEntry] = []
        for step in month.steps {
            let outcome = engine.apply(step.input, at: step.time)
            batch += recorder.entries(for: step.input, at: step.time, outcome: outcome, engine: engine)
            if batch.count >= 4_096 {
                _ = try journal.appendAndWait(batch)
                batch.removeAll(keepingCapacity: true)
            }
        }
        _ = try journal.appendAndWait(batch)
        journal.close()
        recordSeconds = Double(nanoseconds() - recordBegan) / 1e9

        let reader = try JournalReader(path: path)
        entries = try reader.lastSeq()
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        megabytes = Double(size) / 1e6
        let began = nanoseconds(), cpuBegan = threadCPUNanoseconds()
        let rebuilt = try EngineReplay.rebuild(layout: month.station.layout, parameters: .defaults, from: reader)
        replayCPUSeconds = Double(threadCPUNanoseconds() - cpuBegan) / 1e9
        replaySeconds = Double(nanoseconds() - began) / 1e9
        inputs = rebuilt.inputs
        matches = rebuilt.engine == month.finalEngine
    }
}
