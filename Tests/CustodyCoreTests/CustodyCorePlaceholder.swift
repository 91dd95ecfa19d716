import Testing
@testable import CustodyCore
