import Testing
@testable import StationConfig
