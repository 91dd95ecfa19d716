public import CustodyCore

/// Something the station's watchers see on the event stream (`GET /v1/events`): an alert changing, an
/// effect carried out, a command applied or refused, or a device changing state.
public enum StationEvent: Sendable, Hashable {
    /// An alert was raised, escalated, repeated, acknowledged or cleared.
    case alert(change: AlertChange, alert: Alert)
    /// A door command or a fire head-count.
    case effect(Effect)
    /// A command was applied (or refused, with its reason).
    case command(CommandRecord)
    /// A device went online or offline, or its detail changed.
    case device(DeviceStatusView)
    /// This subscriber was too slow: `dropped` older events were discarded before this one.
    case lagged(dropped: Int)

    /// How an alert changed.
    public enum AlertChange: String, Sendable, Hashable, Codable {
        case raised, escalated, repeated, acknowledged, cleared
    }

    /// A command as the stream reports it: who asked for what, and whether the core accepted it.
    public struct CommandRecord: Sendable, Hashable, Codable {
        public var officer: String
        public var action: String
        public var person: String?
        public var accepted: Bool
        public var rejection: String?
        public var at: Int64

        public init(officer: String, action: String, person: String?, accepted: Bool, rejection: String?, at: Int64) {
            self.officer = officer
            self.action = action
            self.person = person
            self.accepted = accepted
            self.rejection = rejection
            self.at = at
        }
    }

    /// The events one `apply` of the loop produces, in order: the command's record, then its effects.
    public static func events(for input: Input, at time: Timestamp, outcome: Outcome) -> [StationEvent] {
        var events: [StationEvent] = []
        if case .command(let command) = input {
            events.append(.command(CommandRecord(
                officer: command.officer.rawValue, action: command.action.name, person: command.action.person?.rawValue,
                accepted: outcome.isAccepted, rejection: outcome.rejection?.reason.rawValue, at: time.milliseconds)))
        }
        for effect in outcome.effects {
            switch effect {
            case .raiseAlert(let alert): events.append(.alert(change: .raised, alert: alert))
            case .escalateAlert(let alert): events.append(.alert(change: .escalated, alert: alert))
            case .repeatAlert(let alert): events.append(.alert(change: .repeated, alert: alert))
            case .acknowledgeAlert(let alert): events.append(.alert(change: .acknowledged, alert: alert))
            case .clearAlert(let alert): events.append(.alert(change: .cleared, alert: alert))
            case .door, .headCount: events.append(.effect(effect))
            }
        }
        return events
    }

    /// Whether the event names a person, which the technician role must never see.
    public var concernsPerson: Bool {
        switch self {
        case .alert(_, let alert): alert.key.person != nil
        case .command: true
        case .effect, .device, .lagged: false
        }
    }
}

extension CommandAction {
    /// The action's wire name (`register`, `assign_wristband`, …), as the journal and the API spell it.
    public var name: String {
        switch self {
        case .register: "register"
        case .assignWristband: "assign_wristband"
        case .returnWristband: "return_wristband"
        case .safetyCheckDone: "safety_check_done"
        case .healthIntake: "health_intake"
        case .belongingsListed: "belongings_listed"
        case .approveExtension: "approve_extension"
        case .changeMeasure: "change_measure"
        case .transferCase: "transfer_case"
        case .welfare: "welfare"
        case .roundLogged: "round_logged"
        case .guardianPresent: "guardian_present"
        case .acknowledgeAlert: "acknowledge_alert"
        case .release: "release"
        case .approveOutOfArea: "approve_out_of_area"
        case .logReason: "log_reason"
        case .moveClockStart: "move_clock_start"
        case .detentionDutyDone: "detention_duty_done"
        }
    }
}
