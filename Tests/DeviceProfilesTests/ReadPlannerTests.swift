import Testing
import Modbus
@testable import DeviceProfiles

struct ReadPlannerTests {
    static func point(
        _ name: String, at address: Int, _ type: ValueType = .uint16, in table: ModbusTable = .holdingRegister,
        access: PointAccess = .read, interval: Int? = nil
    ) -> Point {
        Point(
            name: name, table: table, address: address, type: table.isBits ? .bool : type, access: access,
            intervalMs: interval)
    }

    static func summary(_ batches: [ReadBatch]) -> [String] {
        batches.map { "\($0.table.rawValue) \($0.address)+\($0.count) [\($0.points.map(\.name).joined(separator: ","))]" }
    }

    @Test func contiguousPointsMergeIntoOneRead() {
        let points = [Self.point("b", at: 1), Self.point("a", at: 0), Self.point("c", at: 2, .float32)]
        #expect(Self.summary(ReadPlanner.plan(points, timing: DeviceTiming(allowGaps: 0))) == ["holding_register 0+4 [a,b,c]"])
    }

    @Test(arguments: [(3, ["holding_register 0+5 [a,b]"]), (2, ["holding_register 0+1 [a]", "holding_register 4+1 [b]"])])
    func gapsUpToAllowGapsAreBridged(allowGaps: Int, expected: [String]) {
        let points = [Self.point("a", at: 0), Self.point("b", at: 4)]
        #expect(Self.summary(ReadPlanner.plan(points, timing: DeviceTiming(allowGaps: allowGaps))) == expected)
    }

    @Test func readsNeverExceedTheMaximum() {
        let points = (0..<10).map { Self.point("p\($0)", at: $0 * 2, .uint32) }
        let batches = ReadPlanner.plan(points, timing: DeviceTiming(maxRegistersPerRead: 6, allowGaps: 0))
        #expect(batches.allSatisfy { $0.count <= 6 })
        #expect(batches.map(\.count) == [6, 6, 6, 2])
        #expect(batches.flatMap(\.points).map(\.name) == points.map(\.name))
    }

    @Test func aWideValueIsNeverSplitAcrossReads() {
        let points = [Self.point("a", at: 0), Self.point("b", at: 1, .float64)]
        let batches = ReadPlanner.plan(points, timing: DeviceTiming(maxRegistersPerRead: 4))
        #expect(Self.summary(batches) == ["holding_register 0+1 [a]", "holding_register 1+4 [b]"])
    }

    @Test func bitTablesUseTheBitLimit() {
        let points = (0..<20).map { Self.point("c\($0)", at: $0, in: .coil) }
        let batches = ReadPlanner.plan(points, timing: DeviceTiming(maxRegistersPerRead: 2, maxBitsPerRead: 16))
        #expect(batches.map(\.count) == [16, 4])
    }

    @Test func oneReadPerTableEvenAtTheSameAddresses() {
        let points = [
            Self.point("ir", at: 0, in: .inputRegister), Self.point("hr", at: 0, in: .holdingRegister),
            Self.point("di", at: 0, in: .discreteInput), Self.point("co", at: 0, in: .coil),
            Self.point("hr2", at: 1, in: .holdingRegister),
        ]
        let batches = ReadPlanner.plan(points, timing: DeviceTiming(allowGaps: 10))
        #expect(batches.map(\.functionCode) == [1, 2, 3, 4])
        #expect(Self.summary(batches)[2] == "holding_register 0+2 [hr,hr2]")
    }

    @Test func overlappingAliasesShareARead() {
        let points = [Self.point("whole", at: 0, .uint32), Self.point("high", at: 0)]
        #expect(Self.summary(ReadPlanner.plan(points, timing: DeviceTiming())) == ["holding_register 0+2 [whole,high]"])
    }

    @Test func writeOnlyPointsAreNotRead() {
        let points = [Self.point("a", at: 0), Self.point("w", at: 1, access: .write)]
        #expect(Self.summary(ReadPlanner.plan(points, timing: DeviceTiming())) == ["holding_register 0+1 [a]"])
    }

    @Test func scheduleGroupsByInterval() {
        let profile = DeviceProfile(
            id: "t", vendor: "", model: "", kind: .environment, transports: [.tcp],
            timing: DeviceTiming(allowGaps: 4), poll: PollSettings(intervalMs: 1000),
            points: [Self.point("fast", at: 0), Self.point("slow", at: 1, interval: 60000), Self.point("fast2", at: 2)])
        let schedule = ReadPlanner.schedule(profile)
        #expect(schedule.map(\.intervalMs) == [1000, 60000])
        #expect(Self.summary(schedule[0].batches) == ["holding_register 0+3 [fast,fast2]"])
        #expect(Self.summary(schedule[1].batches) == ["holding_register 1+1 [slow]"])
    }

    @Test func shippedProfilesPlanWithinTheirLimits() throws {
        let library = try ProfileLibrary.load(directory: Fixtures.devicesDirectory)
        for profile in library.profiles {
            for group in ReadPlanner.schedule(profile) {
                for batch in group.batches {
                    let limit = batch.table.isBits ? profile.timing.maxBitsPerRead : profile.timing.maxRegistersPerRead
                    #expect(batch.count <= limit, "\(profile.id) \(batch)")
                }
            }
        }
        let inveo = try #require(library.profile(id: "inveo-rfid-mif"))
        let coilReads = ReadPlanner.schedule(inveo).flatMap(\.batches).filter { $0.table == .coil }
        #expect(coilReads.map(\.addresses) == [1000...1017])
    }
}
