public import Modbus

/// What a simulated bus tells whoever watches it: the master's writes as they arrive, and each tick of the
/// animation (a pulse may have ended, a follower caught up, a sensor drifted).
public enum BusActivity: Sendable {
    /// The master wrote to the device at `unit`. `action` names what the write meant to the device: the
    /// profile command it matched (`unlock`), else the point written with its new value (`is_new_tag=false`),
    /// else the table and address (`coil@1016`).
    case write(unit: Int, action: String, request: ServedRequest)
    /// Every device was advanced to the current time.
    case tick
}
