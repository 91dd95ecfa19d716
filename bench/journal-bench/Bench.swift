import Foundation

/// Small helpers shared by the benchmark's measurements.
enum Bench {
    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    static func micros(_ duration: Duration) -> Double { seconds(duration) * 1e6 }

    static func percentile(_ values: [Double], _ p: Double) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        return sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
    }

    /// About 100-byte JSON bodies like a reader observation.
    static func bodies() -> [Data] {
        (0..<1_000).map { n in
            Data(#"{"reader":"r-\#(n % 9)","tag":"W-\#(100_000 + n)","zone":"holding-\#(n % 4)","rssi":-\#(40 + n % 50),"battery":\#(n % 100)}"#.utf8)
        }
    }

    static func fresh(_ directory: URL, _ name: String) -> String {
        let path = directory.appendingPathComponent(name).path
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        return path
    }

    static func format(_ value: Double) -> String {
        let formatter = NumberFormatter()
        formatter.numberStyle = .decimal
        formatter.maximumFractionDigits = 0
        return formatter.string(from: NSNumber(value: value)) ?? "\(value)"
    }
}
