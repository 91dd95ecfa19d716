import DeviceProfiles
import Modbus

extension BusLoop {
    /// Turns the profile's events into occurrences: a latch that reads set is reported once, with its
    /// captures, and acknowledged (re-armed); a counter reports each increment. A latch whose
    /// acknowledgement failed is acknowledged again at the next poll, never reported twice.
    func handleEvents(_ device: DeviceState, _ samples: [PointSample], at stamp: Int64) {
        for event in device.profile.events {
            guard let trigger = samples.first(where: { $0.point == event.trigger.point })?.reading else { continue }
            switch event.trigger {
            case .latch(_, let equals):
                guard trigger.matches(equals) else {
                    device.awaitingAck.remove(event.name)
                    continue
                }
                if !device.awaitingAck.contains(event.name) {
                    guard let captures = captures(of: event, device, samples) else { continue }  // retried next poll
                    emit(FieldEvent(
                        device: device.spec.id, timestampMs: stamp,
                        kind: .occurred(event: event.name, count: 1, captures: captures)))
                    device.awaitingAck.insert(event.name)
                }
                // Without an acknowledgement the latch is reported once per rising edge.
                guard let ack = event.ack else { continue }
                if case .success = transact(device, ack.request, purpose: .acknowledge).0 {
                    device.awaitingAck.remove(event.name)
                }
            case .counter:
                guard let current = trigger.value?.numericValue else { continue }
                guard let before = device.counterBaselines[event.name] else {
                    device.counterBaselines[event.name] = current  // the first reading is the baseline
                    continue
                }
                guard current != before else { continue }
                // A counter below its baseline restarted from zero (the device rebooted).
                let count = Int(current > before ? current - before : current)
                guard count > 0 else {
                    device.counterBaselines[event.name] = current
                    continue
                }
                guard let captures = captures(of: event, device, samples) else { continue }  // retried next poll
                device.counterBaselines[event.name] = current
                emit(FieldEvent(
                    device: device.spec.id, timestampMs: stamp,
                    kind: .occurred(event: event.name, count: count, captures: captures)))
            }
        }
    }

    /// The event's capture readings: from this reply when it holds them, otherwise read now. Nil when a
    /// read failed in a way worth retrying; a capture the device refuses is left out rather than blocking
    /// the event for ever.
    private func captures(of event: DeviceEvent, _ device: DeviceState, _ samples: [PointSample]) -> [String: PointReading]? {
        var captured: [String: PointReading] = [:]
        var missing: [Point] = []
        for name in event.capture {
            if let sample = samples.first(where: { $0.point == name }) {
                captured[name] = sample.reading
            } else if let point = device.profile.point(named: name) {
                missing.append(point)
            }
        }
        for batch in ReadPlanner.plan(missing, timing: device.profile.timing) {
            switch transact(device, batch.request, purpose: .read).0 {
            case .success(let response):
                for sample in batch.samples(from: response) { captured[sample.point] = sample.reading }
            case .failure(let error):
                if error.recovery != .doNotRetry { return nil }
            }
        }
        return captured
    }
}
