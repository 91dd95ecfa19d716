import CustodyCore
import Crypto
import DeviceProfiles
import Foundation

/// Who holds a bearer token on the TCP listener, and so what they may do. On the Unix socket access is
/// by file permission (the socket's group), and every permission is granted.
public enum APIRole: String, Sendable, Hashable, Codable, CaseIterable {
    /// Station or district supervisor: reads everything, acknowledges alerts, approves.
    case supervisor
    /// Custody officer: reads, registers, records intake, welfare and release.
    case officer
    /// Technician: devices and diagnostics only, never personal data.
    case technician
    /// Auditor: reads, verifies the journal, exports records.
    case auditor

    /// What one route needs.
    public enum Permission: String, Sendable, Hashable, CaseIterable {
        /// People, clocks, timelines and alerts (personal data).
        case readPeople = "read_people"
        /// Register people and record intake, welfare, measure changes and release.
        case record
        /// Acknowledge alerts.
        case acknowledge
        /// Approve extensions, trips out of the area, reasons and clock-start corrections.
        case approve
        /// Device status and the device event stream.
        case devices
        /// Read devices and send their profile commands through the bus queue (a technician's diagnostics).
        case diagnostics
        /// Send by hand the profile commands that run the area (`requires_role: operator`: door unlocks and
        /// locks); the diagnostics permission is needed as well to reach a device at all.
        case operate
        /// Verify the journal's hash chain.
        case verify
        /// Export records.
        case export
        /// Read `/metrics`.
        case metrics
    }

    /// The permissions of the role.
    public var permissions: Set<Permission> {
        switch self {
        case .supervisor: [.readPeople, .acknowledge, .approve, .devices, .diagnostics, .operate, .metrics]
        case .officer: [.readPeople, .record, .devices, .operate, .metrics]
        case .technician: [.devices, .diagnostics, .metrics]
        case .auditor: [.readPeople, .verify, .export, .devices, .metrics]
        }
    }

    /// The SHA-256 hex of a bearer token: the station file stores this, never the token.
    public static func tokenHash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}

extension CommandRole {
    /// The permission a profile command's `requires_role` asks of whoever sends it through the API.
    var permission: APIRole.Permission {
        switch self {
        case .operator: .operate
        case .technician: .diagnostics
        }
    }
}

extension CommandAction {
    /// The permission a command needs: approvals and acknowledgements are a supervisor's, the rest an officer's.
    var permission: APIRole.Permission {
        switch self {
        case .approveExtension, .approveOutOfArea, .logReason, .moveClockStart: .approve
        case .acknowledgeAlert: .acknowledge
        case .register, .assignWristband, .returnWristband, .safetyCheckDone, .healthIntake, .belongingsListed,
            .changeMeasure, .transferCase, .welfare, .roundLogged, .guardianPresent, .release, .detentionDutyDone:
            .record
        }
    }
}
