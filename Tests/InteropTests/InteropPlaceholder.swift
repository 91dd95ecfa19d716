import Testing
@testable import Modbus
