import Testing
@testable import FieldBus
