import ArgumentParser
import DeviceProfiles
import Glibc
import Modbus

/// `custodyctl diag scan`: which unit ids answer on a bus.
struct DiagScan: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Find the unit ids that answer, with a profile's identify probe or a plain register read.",
        discussion: """
            A device that answers with an exception is present (it heard its address); only silence means \
            absent. At 9600 baud each silent unit costs one timeout: keep --timeout-ms short (default 100).
            """)

    @OptionGroup var bus: BusOptions
    @Option(help: "Unit ids to try, e.g. 1-247 or 1,2,5-8.") var units: String = "1-247"
    @Option(help: "A device profile whose identify probe confirms the model.") var profile: String?
    @Flag(help: "JSON output for scripts.") var json = false

    func validate() throws { try bus.requireEndpoint() }

    func run() async throws {
        let unitList = try parseUnits(units)
        let loaded = try profile.map(loadProfile)
        let endpoint = try bus.endpoint(defaults: loaded.flatMap(serialDefaults))
        let connection = try ModbusConnection(endpoint: endpoint)
        let timeouts = bus.timeouts(defaultMilliseconds: 100, byteMilliseconds: 50)
        let probes = loaded.map(identifyProbes) ?? [IdentifyProbe(table: .holdingRegister, address: 0, expect: nil)]
        var found: [[String: Any]] = []
        var table = TextTable("unit", "status", "detail")
        for unit in unitList {
            let (status, detail) = try Self.probe(connection, unit: unit, probes: probes, timeouts: timeouts)
            guard status != "absent" else { continue }
            found.append(["unit": unit, "status": status, "detail": detail])
            table.add(String(unit), status, detail)
        }
        if json {
            printJSON(found)
        } else if found.isEmpty {
            print("no unit answered among \(unitList.count) tried at \(endpoint)")
        } else {
            print(table.render())
        }
    }

    static func probe(
        _ connection: ModbusConnection, unit: Int, probes: [IdentifyProbe], timeouts: ModbusTimeouts
    ) throws -> (String, String) {
        var details: [String] = []
        for probe in probes {
            let request: ModbusRequest =
                probe.table.isBits
                ? .readBits(probe.table, address: probe.address, count: 1)
                : .readRegisters(probe.table, address: probe.address, count: 1)
            do {
                let response = try connection.perform(request, unit: unit, timeouts: timeouts)
                let value = response.registers.map { Int($0[0]) } ?? (response.bits?[0] == true ? 1 : 0)
                if let expect = probe.expect, !expect.contains(value) {
                    return ("other device", "\(probe.table.rawValue) \(probe.address) = \(value), expected \(expect)")
                }
                details.append("\(probe.table.rawValue) \(probe.address) = \(value)")
            } catch .deviceRefused(.gatewayTargetNoResponse) {
                return ("absent", "")
            } catch .deviceRefused(let exception) {
                return ("answers", "refused \(probe.table.rawValue) \(probe.address): \(exception)")
            } catch .noAnswer {
                return ("absent", "")
            } catch .connectFailed(let code, let endpoint) where code != EBUSY {
                throw fail("cannot reach \(endpoint): \(ModbusError.errnoName(code))")
            } catch let error where busyPort(error) != nil {
                throw fail(portBusyReason(busyPort(error)!))
            } catch {
                return ("error", error.description)
            }
        }
        return (probes.contains { $0.expect != nil } ? "identified" : "answers", details.joined(separator: ", "))
    }
}

/// One register or bit read that tells whether a device is there, and optionally which model it is.
struct IdentifyProbe {
    var table: ModbusTable
    var address: Int
    var expect: ClosedRange<Int>?
}
