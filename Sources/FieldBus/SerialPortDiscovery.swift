import CUdev

/// A serial adapter as udev knows it: what a technician needs to name a bus by its physical port.
public struct SerialPort: Sendable, Hashable, Codable {
    /// The kernel's node, e.g. /dev/ttyUSB0 (changes with plug order).
    public var devnode: String
    /// The stable name by physical port, e.g. /dev/serial/by-path/pci-0000:00:14.0-usb-0:2:1.0-port0.
    public var byPath: String?
    /// The name by adapter identity, e.g. /dev/serial/by-id/usb-FTDI_FT232R_USB_UART_A10K5M3V-if00-port0.
    public var byID: String?
    public var vendor: String?
    public var vendorID: String?
    public var model: String?
    public var modelID: String?
    public var serial: String?
    public var driver: String?

    public init(
        devnode: String, byPath: String? = nil, byID: String? = nil, vendor: String? = nil, vendorID: String? = nil,
        model: String? = nil, modelID: String? = nil, serial: String? = nil, driver: String? = nil
    ) {
        self.devnode = devnode
        self.byPath = byPath
        self.byID = byID
        self.vendor = vendor
        self.vendorID = vendorID
        self.model = model
        self.modelID = modelID
        self.serial = serial
        self.driver = driver
    }

    /// The name to put in a station file: by-path when there is one (CH340 adapters share serials).
    public var stableName: String { byPath ?? byID ?? devnode }
}

/// Lists serial adapters through libudev (USB serial, native UARTs with a real device behind them).
public enum SerialPortDiscovery {
    /// Serial ports now present, sorted by device node.
    public static func ports() -> [SerialPort] {
        guard let udev = udev_new() else { return [] }
        defer { udev_unref(udev) }
        guard let enumerate = udev_enumerate_new(udev) else { return [] }
        defer { udev_enumerate_unref(enumerate) }
        udev_enumerate_add_match_subsystem(enumerate, "tty")
        udev_enumerate_scan_devices(enumerate)
        var ports: [SerialPort] = []
        var entry = udev_enumerate_get_list_entry(enumerate)
        while let current = entry {
            defer { entry = udev_list_entry_get_next(current) }
            guard let syspath = udev_list_entry_get_name(current),
                let device = udev_device_new_from_syspath(udev, syspath)
            else { continue }
            defer { udev_device_unref(device) }
            if let port = port(from: device) { ports.append(port) }
        }
        return ports.sorted { $0.devnode < $1.devnode }
    }

    /// Finds the port a station file names: a device path or /dev/serial link, or a vendor/model/serial match.
    public static func find(path: String? = nil, vendorID: String? = nil, modelID: String? = nil, serial: String? = nil)
        -> [SerialPort]
    {
        ports().filter { port in
            if let path, port.devnode != path, port.byPath != path, port.byID != path { return false }
            if let vendorID, port.vendorID?.lowercased() != vendorID.lowercased() { return false }
            if let modelID, port.modelID?.lowercased() != modelID.lowercased() { return false }
            if let serial, port.serial != serial { return false }
            return true
        }
    }

    private static func port(from device: OpaquePointer) -> SerialPort? {
        // Virtual terminals and unused 8250 slots have no parent device, or a platform one with no driver.
        guard let node = string(udev_device_get_devnode(device)),
            let parent = udev_device_get_parent(device),
            string(udev_device_get_driver(parent)) != nil || property(device, "ID_BUS") != nil
        else { return nil }
        var links: [String] = []
        var link = udev_device_get_devlinks_list_entry(device)
        while let current = link {
            if let name = string(udev_list_entry_get_name(current)) { links.append(name) }
            link = udev_list_entry_get_next(current)
        }
        return SerialPort(
            devnode: node,
            byPath: links.first { $0.hasPrefix("/dev/serial/by-path/") },
            byID: links.first { $0.hasPrefix("/dev/serial/by-id/") },
            vendor: property(device, "ID_VENDOR_FROM_DATABASE") ?? property(device, "ID_VENDOR"),
            vendorID: property(device, "ID_VENDOR_ID"),
            model: property(device, "ID_MODEL_FROM_DATABASE") ?? property(device, "ID_MODEL"),
            modelID: property(device, "ID_MODEL_ID"),
            serial: property(device, "ID_SERIAL_SHORT"),
            driver: property(device, "ID_USB_DRIVER") ?? string(udev_device_get_driver(parent)))
    }

    private static func property(_ device: OpaquePointer, _ key: String) -> String? {
        string(udev_device_get_property_value(device, key))
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String? {
        pointer.map { String(cString: $0) }
    }
}
