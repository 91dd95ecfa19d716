/// Who may send a profile command by hand (`requires_role`): the daemon's API maps each to a permission.
public enum CommandRole: String, Sendable, Hashable, CaseIterable {
    /// Someone who runs the custody area (an officer or supervisor): door unlocks and locks.
    case `operator`
    /// Someone who maintains the devices: calibrations, acknowledgements, settings.
    case technician
}
