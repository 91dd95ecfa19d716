// swift-tools-version:6.2
import PackageDescription

let package = Package(
    name: "custodyd",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "custodyctl", targets: ["custodyctl"]),
        .executable(name: "custody-sim", targets: ["custody-sim"]),
        .executable(name: "custodyd", targets: ["custodyd"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.81.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.0.0"),
    ],
    targets: [
        // System-library shims.
        .systemLibrary(name: "CModbus", pkgConfig: "libmodbus", providers: [.apt(["libmodbus-dev"])]),
        .systemLibrary(name: "CUdev", pkgConfig: "libudev", providers: [.apt(["libudev-dev"])]),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),

        // Libraries, in dependency order (see DESIGN.md: arrows only point down).
        .target(name: "Modbus", dependencies: ["CModbus"]),
        .target(name: "DeviceProfiles", dependencies: ["Modbus", .product(name: "Yams", package: "Yams")]),
        .target(name: "StationConfig", dependencies: ["DeviceProfiles", .product(name: "Yams", package: "Yams")]),
        .target(name: "CustodyCore"),
        .target(name: "TerminationSignals"),
        .target(name: "FieldBus", dependencies: ["Modbus", "DeviceProfiles", "CUdev"]),
        .target(name: "Journal", dependencies: ["CSQLite", .product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "CustodyRecording", dependencies: ["CustodyCore", "Journal"]),
        .target(
            name: "StationService",
            dependencies: [
                "CustodyCore", "CustodyRecording", "Journal", "FieldBus", "StationConfig", "DeviceProfiles", "Modbus",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "Simulator",
            dependencies: [
                "Modbus", "DeviceProfiles", "StationConfig", "CustodyCore", "CustodyRecording", "Journal",
                .product(name: "Yams", package: "Yams"),
            ],
            path: "simulators/Simulator"
        ),

        // Executables.
        .executableTarget(
            name: "custodyctl",
            dependencies: [
                "Modbus", "DeviceProfiles", "FieldBus", "Journal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "custodyd",
            dependencies: [
                "StationService", "StationConfig", "DeviceProfiles", "TerminationSignals",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            linkerSettings: daemonLinkerSettings
        ),
        .executableTarget(
            name: "custody-sim",
            dependencies: [
                "Simulator", "Modbus", "DeviceProfiles", "TerminationSignals", "StationConfig",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "simulators/custody-sim"
        ),
        // Appends under load and prints each durable seq; the journal crash test kills it with SIGKILL.
        .executableTarget(name: "journal-torture", dependencies: ["Journal"], path: "Sources/journal-torture"),
        // Durable append throughput and latency against a plain SQLite loop, and query times on a year of history.
        .executableTarget(name: "journal-bench", dependencies: ["Journal", "CSQLite"], path: "bench/journal-bench"),
        // Our Modbus client's poll loop and our servers, measured beside libmodbus's C programs and pymodbus.
        .executableTarget(name: "modbus-bench", dependencies: ["Modbus"], path: "bench/ModbusBench"),
        // Inputs/s through the rule engine at 10 to 10,000 people in custody, and a month's replay.
        .executableTarget(name: "core-bench", dependencies: ["CustodyCore", "CustodyRecording", "Journal"], path: "bench/core-bench"),
        // The daemon's decision latency, fire release time and per-device poll rate against simulated devices.
        .executableTarget(
            name: "daemon-bench",
            dependencies: [
                "StationService", "Simulator", "StationConfig", "DeviceProfiles", "FieldBus", "Modbus", "CustodyCore",
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "bench/daemon-bench"
        ),

        // Tests (Swift Testing).
        .testTarget(name: "ModbusTests", dependencies: ["Modbus"]),
        .testTarget(name: "DeviceProfilesTests", dependencies: ["DeviceProfiles", "Modbus"]),
        .testTarget(name: "CustodyCoreTests", dependencies: ["CustodyCore"]),
        .testTarget(name: "JournalTests", dependencies: ["Journal"]),
        .testTarget(name: "CustodyRecordingTests", dependencies: ["CustodyRecording", "CustodyCore", "Journal"]),
        .testTarget(name: "InteropTests", dependencies: ["Modbus"], exclude: ["peers"]),
        .testTarget(name: "FieldBusTests", dependencies: ["FieldBus", "DeviceProfiles", "Modbus", "Simulator"]),
        .testTarget(name: "StationConfigTests", dependencies: ["StationConfig", "DeviceProfiles"]),
        .testTarget(
            name: "StationServiceTests",
            dependencies: [
                "StationService", "CustodyCore", "CustodyRecording", "Journal", "StationConfig", "DeviceProfiles",
                "Modbus", "FieldBus", "Simulator",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "SimulatorTests", dependencies: ["Simulator", "Modbus", "DeviceProfiles", "StationConfig", "Journal"]),
    ]
)

for target in package.targets where target.type != .system {
    var settings = target.swiftSettings ?? []
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    settings.append(.enableUpcomingFeature("MemberImportVisibility"))
    settings.append(.enableUpcomingFeature("InternalImportsByDefault"))
    target.swiftSettings = settings
}

// custodyd's resident memory (BENCHMARKS.md, "## Daemon"): linked against the shared Swift runtime and
// Foundation it loads five more libraries whose relocation tables are read in full at start and whose
// code pages are faulted in 64 KiB at a time wherever a single function is called. Linked statically
// (runtime, Foundation, CoreFoundation, ICU), only the parts custodyd references are linked in, and lld's
// packed relative relocations (DT_RELR, glibc 2.36) replace about 1 MiB of RELA entries read at start.
// `-static-stdlib` also exports every symbol of the daemon's own objects (3 MB of .dynsym, .dynstr and
// .gnu.hash that the loader searches for each symbol libc, libstdc++ and SQLite bind); nothing looks
// custodyd's symbols up at run time, so `--no-export-dynamic` keeps the table as small as a dynamic link's.
// Only on Linux, and only for the daemon: the other tools keep the default link.
var daemonLinkerSettings: [LinkerSetting] {
    [
        .unsafeFlags(
            [
                "-static-stdlib", "-use-ld=lld", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs",
                "-lCoreFoundation", "-l_FoundationICU", "-l_FoundationCShims", "-l_FoundationCollections",
                "-Xlinker", "--no-export-dynamic",
            ],
            .when(platforms: [.linux])),
    ]
}
