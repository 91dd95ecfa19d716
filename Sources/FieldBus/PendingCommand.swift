import DeviceProfiles

/// A command waiting in its bus's queue.
struct PendingCommand: Sendable {
    let device: String
    let command: Command
    let requestedAt: ContinuousClock.Instant
    /// Past this instant the command is reported ``CommandOutcome/expired(waitedMs:)`` and never sent.
    let deadline: ContinuousClock.Instant
    let completion: @Sendable (CommandOutcome) -> Void
}
