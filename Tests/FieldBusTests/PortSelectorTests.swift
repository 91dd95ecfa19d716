import FieldBus
import Testing

@Suite("Serial port selection")
struct PortSelectorTests {
    let ports = [
        SerialPort(
            devnode: "/dev/ttyUSB0", byPath: "/dev/serial/by-path/usb-0:1", vendorID: "1a86", modelID: "7523"),
        SerialPort(
            devnode: "/dev/ttyUSB1", byPath: "/dev/serial/by-path/usb-0:2", vendorID: "1a86", modelID: "7523"),
        SerialPort(
            devnode: "/dev/ttyUSB2", byPath: "/dev/serial/by-path/usb-0:3", vendorID: "0403", modelID: "6001",
            serial: "A10K5M3V"),
    ]

    @Test func aPhysicalPortResolvesToWhicheverNodeIsBehindItNow() {
        #expect(PortSelector(byPath: "/dev/serial/by-path/usb-0:2").resolve(among: ports) == .success("/dev/ttyUSB1"))
        let replugged = [SerialPort(devnode: "/dev/ttyUSB7", byPath: "/dev/serial/by-path/usb-0:2")]
        #expect(PortSelector(byPath: "/dev/serial/by-path/usb-0:2").resolve(among: replugged) == .success("/dev/ttyUSB7"))
    }

    @Test func anAdapterIdentityMustMatchExactlyOneAdapter() {
        #expect(PortSelector(vendorID: "0403", serial: "A10K5M3V").resolve(among: ports) == .success("/dev/ttyUSB2"))
        #expect(PortSelector(vendorID: "0403", modelID: "6001").resolve(among: ports) == .success("/dev/ttyUSB2"))
        let twins = PortSelector(vendorID: "1a86", modelID: "7523")
        #expect(twins.resolve(among: ports) == .failure(.ambiguous(twins, ["/dev/ttyUSB0", "/dev/ttyUSB1"])))
        let absent = PortSelector(vendorID: "10c4")
        #expect(absent.resolve(among: ports) == .failure(.notPresent(absent)))
    }

    @Test func aPlainPathIsUsedAsGiven() {
        #expect(PortSelector.path("/dev/pts/9").resolve(among: []) == .success("/dev/pts/9"))
        #expect(PortSelector().resolve(among: ports) == .failure(.empty))
    }
}
