import ArgumentParser
import Foundation
import Modbus

/// `custodyctl diag` through the running daemon: its API reads and commands a device by its id in the
/// station file, on the bus queue the daemon owns, so diag never talks over the daemon's polls.
enum DaemonDiagnostics {
    /// A point as `GET /v1/devices/{id}/points` answers it.
    struct PointAnswer: Decodable {
        enum Value: Decodable {
            case bool(Bool), int(Int64), uint(UInt64), double(Double), string(String), flags([String])

            init(from decoder: any Decoder) throws {
                let container = try decoder.singleValueContainer()
                if let flag = try? container.decode(Bool.self) { self = .bool(flag) }
                else if let number = try? container.decode(Int64.self) { self = .int(number) }
                else if let number = try? container.decode(UInt64.self) { self = .uint(number) }
                else if let number = try? container.decode(Double.self) { self = .double(number) }
                else if let text = try? container.decode(String.self) { self = .string(text) }
                else { self = .flags(try container.decode([String].self)) }
            }

            var display: String {
                switch self {
                case .bool(let flag): PointValue.render(.bool(flag), point: nil)
                case .int(let number): PointValue.render(.int(number), point: nil)
                case .uint(let number): PointValue.render(.uint(number), point: nil)
                case .double(let number): PointValue.render(.double(number), point: nil)
                case .string(let text): PointValue.render(.string(text), point: nil)
                case .flags(let names): names.isEmpty ? "none" : names.joined(separator: ",")
                }
            }
        }

        var point: String
        var status: String
        var value: Value?
        var unit: String?
        var raw: [UInt16]?
        var error: String?
        var errorClass: String?

        enum CodingKeys: String, CodingKey {
            case point, status, value, unit, raw, error
            case errorClass = "error_class"
        }

        /// The point as the direct reads show it.
        var pointValue: PointValue {
            var shown = PointValue(name: point, display: value?.display ?? "", unit: unit)
            switch status {
            case "ok": break
            case "unavailable":
                shown.display = "unavailable"
                shown.raw = raw?.map(hex).joined(separator: " ")
            case "out_of_range":
                shown.display += " (\(error ?? "out of range"))"
            case "undecodable":
                shown.display = "undecodable"
                shown.error = error ?? "undecodable"
            default:
                shown.display = "(\(errorClass ?? "error"))"
                shown.error = error ?? "read failed"
            }
            return shown
        }
    }

    struct PointsAnswer: Decodable {
        var points: [PointAnswer]
    }

    /// Reads `device`'s points (or one) through the daemon; prints a table or the daemon's JSON; fails if
    /// any point has no value.
    static func readPoints(_ client: APIClient, device: String, point: String?, json: Bool) throws {
        var path = "/v1/devices/\(escaped(device))/points"
        if let point { path += "?point=\(escaped(point))" }
        let reply = try client.get(path)
        let answer: PointsAnswer
        do { answer = try JSONDecoder().decode(PointsAnswer.self, from: Data(reply.body)) } catch {
            throw ClientError.protocolError("the points of \(device) could not be read from the answer: \(error)")
        }
        let values = answer.points.map(\.pointValue)
        if json { emit(reply.text) } else { emit(renderReadings(values)) }
        if values.contains(where: { $0.error != nil }) { throw ExitCode(1) }
    }

    /// One raw read through the daemon, shown as a direct read shows it.
    static func readRaw(_ client: APIClient, device: String, raw: RawSelection, json: Bool) throws {
        let reply = try client.post(
            "/v1/devices/\(escaped(device))/read", ["table": raw.table.rawValue, "address": raw.address, "count": raw.count])
        struct Answer: Decodable {
            var registers: [UInt16]?
            var bits: [Bool]?
        }
        let answer: Answer
        do { answer = try JSONDecoder().decode(Answer.self, from: Data(reply.body)) } catch {
            throw ClientError.protocolError("the read of \(device) could not be read from the answer: \(error)")
        }
        let response: ModbusResponse
        if let bits = answer.bits {
            response = .bits(bits)
        } else if let registers = answer.registers {
            response = .registers(registers)
        } else {
            throw ClientError.protocolError("the read of \(device) answered neither registers nor bits")
        }
        emit(raw.render(response, json: json))
    }

    /// Sends a profile command through the daemon; fails unless it is known to have taken effect.
    static func command(_ client: APIClient, device: String, command: String, officer: String?, json: Bool) throws {
        var body: [String: Any] = ["command": command]
        if let officer { body["officer"] = officer }
        let reply = try client.post("/v1/devices/\(escaped(device))/commands", body)
        let object = try reply.json() as? [String: Any] ?? [:]
        let outcome = object["outcome"] as? String ?? "no outcome"
        if json { emit(reply.text) } else if object["succeeded"] as? Bool == true { emit("\(device) \(command): \(outcome)") }
        if object["succeeded"] as? Bool != true { throw fail("\(device) \(command): \(outcome)") }
    }
}
