import Modbus

/// A one-off transaction waiting in its bus's queue, at command priority.
struct PendingTransaction: Sendable {
    let device: String
    let request: ModbusRequest
    let requestedAt: ContinuousClock.Instant
    /// Past this instant the transaction is reported ``TransactionError/expired(waitedMs:)`` and never sent.
    let deadline: ContinuousClock.Instant
    let completion: @Sendable (Result<ModbusResponse, TransactionError>) -> Void
}
