import Testing
@testable import DeviceProfiles
