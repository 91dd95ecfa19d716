/// A wristband in use: who wears it, and the zone a reader last placed them in.
///
/// The zone is the wearer's own (`Person.zone`), kept here too because the input a station sends
/// most is a reader re-reporting a wristband where its wearer already is: with the zone beside the
/// wearer, that input is answered by this one entry, without reading the wearer's record, which at
/// thousands of people is rarely in the processor's cache. `move(person:at:to:)` keeps the two equal.
struct Wristband: Sendable, Hashable {
    let person: PersonID
    var zone: ZoneID?
}

/// What the core last heard from one tag.
struct TagState: Sendable, Hashable {
    var lost = false
    var strapOpen = false
    var batteryPercent: Double?
}

/// What the core last heard from one door.
struct DoorState: Sendable, Hashable {
    var open = false
    var openedAt: Timestamp?
    /// The last lock read-back; `nil` until one arrives.
    var locked: Bool?
    /// The door opened while its lock read back as locked; cleared when it closes.
    var forced = false
}

/// What the core last heard from one sensor: latest values, and a running CO₂ window for the
/// 1-hour mean (ENV-01).
struct SensorState: Sendable, Hashable {
    /// The latest value of each quantity, one field each: the environment rules read them on every
    /// evaluation of a room, and a field costs no hashing.
    private var temperature: Double?
    private var humidity: Double?
    private var co2: Double?
    private var breathing: Double?
    private var pulse: Double?
    var co2Samples: [Sample] = []
    var co2Head = 0
    var co2Sum = 0.0

    struct Sample: Sendable, Hashable {
        var time: Timestamp
        var value: Double
    }

    /// The latest value of `quantity`, if one arrived.
    func latest(_ quantity: Quantity) -> Double? {
        switch quantity {
        case .temperature: temperature
        case .humidity: humidity
        case .co2: co2
        case .breathing: breathing
        case .pulse: pulse
        }
    }

    mutating func record(_ quantity: Quantity, _ value: Double, at time: Timestamp, window: TimeSpan) {
        switch quantity {
        case .temperature: temperature = value
        case .humidity: humidity = value
        case .co2: co2 = value
        case .breathing: breathing = value
        case .pulse: pulse = value
        }
        guard quantity == .co2 else { return }
        co2Samples.append(Sample(time: time, value: value))
        co2Sum += value
        while co2Head < co2Samples.count - 1 && co2Samples[co2Head].time <= time - window {
            co2Sum -= co2Samples[co2Head].value
            co2Head += 1
        }
        if co2Head > 256 && co2Head * 2 > co2Samples.count {
            co2Samples.removeFirst(co2Head)
            co2Head = 0
        }
    }

    /// The mean of CO₂ samples in the window, if any.
    var co2Mean: Double? {
        let count = co2Samples.count - co2Head
        return count > 0 ? co2Sum / Double(count) : nil
    }
}
