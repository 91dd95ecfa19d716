import ArgumentParser
import FieldBus

/// `custodyctl diag ports`: the serial adapters udev knows, with the stable names to put in a station file.
struct DiagPorts: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ports", abstract: "List serial adapters: by-path name, vendor, model, serial, driver.")

    @Flag(help: "JSON output for scripts.") var json = false

    func run() async throws {
        let ports = SerialPortDiscovery.ports()
        if json {
            printJSON(ports.map { port -> [String: Any] in
                var o: [String: Any] = ["devnode": port.devnode, "stable_name": port.stableName]
                o["by_path"] = port.byPath
                o["by_id"] = port.byID
                o["vendor"] = port.vendor
                o["vendor_id"] = port.vendorID
                o["model"] = port.model
                o["model_id"] = port.modelID
                o["serial"] = port.serial
                o["driver"] = port.driver
                return o
            })
            return
        }
        guard !ports.isEmpty else {
            print("no serial adapters found (is the USB adapter plugged in? `dmesg | tail` shows the kernel's view)")
            return
        }
        var table = TextTable("device", "by-path", "vendor", "model", "serial", "driver")
        for port in ports {
            table.add(
                port.devnode, port.byPath ?? "-", port.vendor ?? port.vendorID ?? "-", port.model ?? port.modelID ?? "-",
                port.serial ?? "-", port.driver ?? "-")
        }
        print(table.render())
    }
}
