/// ENV-01 (climate and air in occupied rooms) and VIT-01 (vital signs).
extension CustodyEngine {
    mutating func checkEnvironment(_ zone: StationLayout.Zone, _ info: ZoneInfo, occupied: Bool, _ next: inout NextChange) {
        for device in info.sensors {
            let state = occupied && !offlineDevices.contains(device) ? sensors[device] : nil
            checkClimate(zone.id, device, state, &next)
            checkVitals(zone.id, device, state, &next)
        }
    }

    private mutating func checkClimate(_ zone: ZoneID, _ device: DeviceID, _ state: SensorState?, _ next: inout NextChange) {
        var temperature: AlertLevel?
        let celsius = state?.latest(.temperature)
        if let celsius {
            if !parameters.temperatureAlarm.contains(celsius) {
                temperature = .alarm
            } else if !parameters.temperatureWarn.contains(celsius) {
                temperature = .warn
            }
        }
        reconcile(.env01Temperature, device: device, temperature, &next) { engine, level in
            Finding(
                level: level, message: "temperature in \(zone) is \(celsius ?? 0) °C",
                facts: [Fact("celsius", "\(celsius ?? 0)")])
        }
        let humidity = state?.latest(.humidity)
        let humid = humidity.map { !parameters.humidityWarn.contains($0) } ?? false
        reconcile(.env01Humidity, device: device, humid ? .warn : nil, &next) { engine, level in
            Finding(
                level: level, message: "relative humidity in \(zone) is \(humidity ?? 0) %",
                facts: [Fact("percent", "\(humidity ?? 0)")])
        }
        let mean = state?.co2Mean
        let highMean = mean.map { $0 > parameters.co2MeanWarn } ?? false
        reconcile(.env01Co2Mean, device: device, highMean ? .warn : nil, &next) { engine, level in
            Finding(
                level: level, message: "CO₂ 1-hour mean in \(zone) is \(Int(mean ?? 0)) ppm",
                facts: [Fact("ppm_mean", "\(mean ?? 0)")])
        }
        let co2 = state?.latest(.co2)
        let peak = graced(.env01Co2High, device: device, active: (co2 ?? 0) > parameters.co2Alarm, grace: parameters.co2AlarmGrace, &next)
        reconcile(.env01Co2High, device: device, peak ? .alarm : nil, &next) { engine, level in
            Finding(
                level: level, message: "CO₂ in \(zone) above \(Int(engine.parameters.co2Alarm)) ppm for 5 min",
                facts: [Fact("ppm", "\(co2 ?? 0)")])
        }
    }

    private mutating func checkVitals(_ zone: ZoneID, _ device: DeviceID, _ state: SensorState?, _ next: inout NextChange) {
        checkVital(.breathing, normal: parameters.breathingNormal, zone, device, state, &next)
        checkVital(.pulse, normal: parameters.pulseNormal, zone, device, state, &next)
    }

    private mutating func checkVital(
        _ quantity: Quantity, normal: ClosedRange<Double>, _ zone: ZoneID, _ device: DeviceID, _ state: SensorState?,
        _ next: inout NextChange
    ) {
        let value = state?.latest(quantity)
        let abnormal = graced(.vital(quantity), device: device, active: value.map { !normal.contains($0) } ?? false, grace: parameters.vitalGrace, &next)
        reconcile(.vital(quantity), device: device, abnormal ? .alarm : nil, &next) { engine, level in
            Finding(
                level: level, message: "\(quantity.rawValue) \(value ?? 0) in \(zone) for 60 s: check the person in person now",
                facts: [Fact(quantity.rawValue, "\(value ?? 0)")])
        }
    }
}
