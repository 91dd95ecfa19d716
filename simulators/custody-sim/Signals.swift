import Dispatch
import Synchronization

/// True exactly once, for resuming a continuation from whichever signal comes first.
final class OnceFlag: Sendable {
    private let done = Atomic<Bool>(false)
    func claim() -> Bool { !done.exchange(true, ordering: .relaxed) }
}

/// Keeps signal sources alive for the life of the process.
enum SignalSources {
    /// `@unchecked Sendable`: the source is stored only to keep it alive and never touched again.
    private struct Kept: @unchecked Sendable { let source: any DispatchSourceSignal }
    private static let sources = Mutex<[Kept]>([])
    static func keep(_ source: any DispatchSourceSignal) { sources.withLock { $0.append(Kept(source: source)) } }
}
