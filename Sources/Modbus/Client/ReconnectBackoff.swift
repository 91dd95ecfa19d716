/// Capped exponential backoff between reconnect attempts.
///
/// libmodbus's own link recovery can loop forever inside a send, so the client never enables it and
/// reconnects through this policy instead.
public struct ReconnectBackoff: Sendable, Hashable {
    public var initialMilliseconds: Int
    public var maximumMilliseconds: Int
    public private(set) var currentMilliseconds: Int
    public private(set) var failures: Int = 0

    public init(initialMilliseconds: Int = 100, maximumMilliseconds: Int = 10_000) {
        self.initialMilliseconds = max(1, initialMilliseconds)
        self.maximumMilliseconds = max(self.initialMilliseconds, maximumMilliseconds)
        self.currentMilliseconds = self.initialMilliseconds
    }

    /// Records a failed attempt and returns how long to wait before the next one.
    public mutating func failed() -> Int {
        let wait = currentMilliseconds
        failures += 1
        currentMilliseconds = min(maximumMilliseconds, currentMilliseconds * 2)
        return wait
    }

    /// Records a successful connect: the next failure starts from the initial delay again.
    public mutating func succeeded() {
        failures = 0
        currentMilliseconds = initialMilliseconds
    }
}
