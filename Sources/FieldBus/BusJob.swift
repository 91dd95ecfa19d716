/// What waits in a bus's queue ahead of every poll: a profile command, or a one-off transaction (a
/// technician's read through the daemon). Both keep their order of arrival.
enum BusJob: Sendable {
    case command(PendingCommand)
    case transaction(PendingTransaction)

    /// The device the job is for.
    var device: String {
        switch self {
        case .command(let pending): pending.device
        case .transaction(let pending): pending.device
        }
    }
}
