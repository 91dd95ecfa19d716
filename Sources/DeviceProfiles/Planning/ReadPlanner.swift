internal import Modbus

/// Merges points into as few reads as a device allows.
///
/// Points of one table are merged when they touch, overlap, or are at most `allow_gaps` unused
/// items apart, as long as the read stays within `max_registers_per_read` (register tables) or
/// `max_bits_per_read` (bit tables). A read never spans two tables. Write-only points are skipped.
public enum ReadPlanner {
    /// Plans reads for `points`, ordered by table (FC1…FC4) and address.
    public static func plan(_ points: some Sequence<Point>, timing: DeviceTiming) -> [ReadBatch] {
        let polled = points.filter(\.access.isPolled)
        let byTable = Dictionary(grouping: polled, by: \.table)
        return byTable.keys.sorted { $0.readFunctionCode < $1.readFunctionCode }.flatMap { table in
            plan(table: table, points: byTable[table] ?? [], timing: timing)
        }
    }

    /// Groups a profile's polled points by their interval and plans each group, shortest
    /// interval first.
    public static func schedule(_ profile: DeviceProfile) -> [ScheduledReads] {
        let groups = Dictionary(grouping: profile.points.filter(\.access.isPolled)) { profile.interval(of: $0) }
        return groups.keys.sorted().map { interval in
            ScheduledReads(intervalMs: interval, batches: plan(groups[interval] ?? [], timing: profile.timing))
        }
    }

    private static func plan(table: ModbusTable, points: [Point], timing: DeviceTiming) -> [ReadBatch] {
        let limit = min(table.isBits ? timing.maxBitsPerRead : timing.maxRegistersPerRead, table.maxReadCount)
        let sorted = points.sorted { ($0.address, -$0.count, $0.name) < ($1.address, -$1.count, $1.name) }
        var batches: [ReadBatch] = []
        var members: [Point] = []
        var start = 0, end = 0
        for point in sorted {
            let upper = point.addresses.upperBound
            if !members.isEmpty {
                let gap = point.address - end - 1
                let newEnd = max(end, upper)
                if gap <= timing.allowGaps, newEnd - start + 1 <= limit {
                    members.append(point)
                    end = newEnd
                    continue
                }
                batches.append(ReadBatch(table: table, address: start, count: end - start + 1, points: members))
            }
            members = [point]
            start = point.address
            end = upper
        }
        if !members.isEmpty {
            batches.append(ReadBatch(table: table, address: start, count: end - start + 1, points: members))
        }
        return batches
    }
}
