import FieldBus
import HTTPTypes
import Modbus

extension APIError {
    /// A failed trip through the field bus: 404 for an unknown device or point, 504 when the device or
    /// the bus did not answer in time, 502 for any other fault of the device or link.
    static func transaction(_ error: TransactionError, device: String) -> APIError {
        switch error {
        case .unknownDevice(let id):
            return APIError(.notFound, "unknown_device", "no device '\(id)' on the field buses (GET /v1/devices lists them)")
        case .unknownPoint:
            return APIError(.notFound, "unknown_point", error.description)
        case .expired:
            return APIError(.gatewayTimeout, "bus_busy", "\(device): \(error)")
        case .modbus(let modbus):
            return .modbus(modbus, device: device)
        }
    }

    static func modbus(_ error: ModbusError, device: String) -> APIError {
        let message = "\(device): \(error)"
        switch error {
        case .noAnswer: return APIError(.gatewayTimeout, "no_answer", message)
        case .deviceRefused: return APIError(.badGateway, "device_refused", message)
        case .lineNoise: return APIError(.badGateway, "line_noise", message)
        case .linkLost, .connectFailed, .notConnected, .portBusy: return APIError(.badGateway, "link_lost", message)
        case .invalidRequest: return APIError(.badRequest, "bad_request", message)
        case .closed: return APIError(.serviceUnavailable, "bus_stopped", message)
        }
    }
}
