import CModbus
import Glibc

/// Answers one received request on one server context: picks the unit's tables, applies an injected
/// fault, works around libmodbus's server quirks, and delays the reply by the simulated wire time.
struct RequestResponder {
    let behavior: any ModbusServerBehavior
    let isRTU: Bool
    /// The line whose wire time each RTU reply is delayed by, when simulating a real bus speed.
    let wire: SerialLine?
    /// The request's PDU as ``ModbusServerBehavior/vendorReply(for:pdu:)`` sees it, refilled for each
    /// request. Its storage is reused as long as no behaviour keeps the array, so the hook costs no
    /// allocation per request (a behaviour that keeps it gets its own copy on the next refill).
    private var pdu: [UInt8]

    init(behavior: any ModbusServerBehavior, isRTU: Bool, wire: SerialLine?) {
        self.behavior = behavior
        self.isRTU = isRTU
        self.wire = wire
        pdu = []
        pdu.reserveCapacity(Int(MODBUS_MAX_PDU_LENGTH))
    }

    enum Outcome { case served, closeConnection }

    /// Function codes handed to libmodbus. Others (FC7 gets no reply at all from libmodbus 3.1.6) are
    /// answered with exception 01 here, at once, instead of after libmodbus's own response-timeout sleep.
    private static let supported: Set<UInt8> = [1, 2, 3, 4, 5, 6, 15, 16, 17, 22, 23]

    mutating func respond(context: OpaquePointer, request: UnsafeMutablePointer<UInt8>, length: Int) -> Outcome {
        let header = Int(modbus_get_header_length(context))
        guard length > header else { return .served }
        let served = Self.parse(request, length: length, header: header)
        if isRTU, served.unit == 0 {
            applyBroadcast(served, context: context, request: request, length: length, header: header)
            return .served
        }
        guard let store = behavior.store(forUnit: served.unit) else {
            if isRTU {
                modbus_flush(context)  // not ours; a libmodbus RTU server would otherwise swallow the next frame
            } else {
                _ = modbus_reply_exception(context, request, UInt32(MODBUS_EXCEPTION_GATEWAY_TARGET))
            }
            return .served
        }
        var delayMicroseconds = 0.0
        switch behavior.fault(for: served) {
        case .noAnswer?:
            return .served
        case .dropConnection?:
            return isRTU ? .served : .closeConnection
        case .exception(let exception)?:
            _ = modbus_reply_exception(context, request, UInt32(exception.rawValue))
            return .served
        case .corruptFrame?:
            sendCorrupt(context: context, request: request, served: served, header: header)
            return .served
        case .delay(let ms)?:
            delayMicroseconds = Double(ms) * 1000
        case nil:
            break
        }
        if let wire, isRTU {
            delayMicroseconds += wire.cycleMicroseconds(requestBytes: length, replyBytes: Self.replyLength(served))
        }
        loadPDU(request, length: length, header: header)
        if let reply = behavior.vendorReply(for: served, pdu: pdu) {
            if delayMicroseconds > 0 { usleep(UInt32(delayMicroseconds)) }
            sendFrame(context: context, request: request, unit: served.unit, pdu: reply)
            return .served
        }
        guard Self.supported.contains(served.functionCode), Self.quantityIsValid(served) else {
            let code = Self.supported.contains(served.functionCode)
                ? MODBUS_EXCEPTION_ILLEGAL_DATA_VALUE : MODBUS_EXCEPTION_ILLEGAL_FUNCTION
            _ = modbus_reply_exception(context, request, UInt32(code))
            return .served
        }
        if delayMicroseconds > 0 { usleep(UInt32(delayMicroseconds)) }
        let rc = store.withMapping { modbus_reply(context, request, Int32(length), $0) }
        if rc > 0, served.isWrite { behavior.didWrite(served) }
        return rc == -1 && !isRTU ? .closeConnection : .served
    }

    /// A broadcast (unit 0 on RTU): every served unit applies a write as if it were addressed to it, and
    /// none answers (libmodbus sends no reply to unit 0 on an RTU context). A unit with an injected fault
    /// that refuses requests (no answer, reset, exception) does not apply it. Anything but a plain write
    /// (a read, or a write-and-read, which needs an answer) is ignored.
    private mutating func applyBroadcast(
        _ broadcast: ServedRequest, context: OpaquePointer, request: UnsafeMutablePointer<UInt8>, length: Int,
        header: Int
    ) {
        guard Self.broadcastable.contains(broadcast.functionCode), Self.quantityIsValid(broadcast) else { return }
        loadPDU(request, length: length, header: header)
        for unit in behavior.servedUnits {
            guard let store = behavior.store(forUnit: unit) else { continue }
            let served = ServedRequest(
                unit: unit, functionCode: broadcast.functionCode, table: broadcast.table, address: broadcast.address,
                count: broadcast.count)
            switch behavior.fault(for: served) {
            case .noAnswer?, .dropConnection?, .exception?: continue
            case .corruptFrame?, .delay?, nil: break
            }
            if behavior.vendorReply(for: served, pdu: pdu) != nil { continue }
            let rc = store.withMapping { modbus_reply(context, request, Int32(length), $0) }
            if rc != -1 { behavior.didWrite(served) }
        }
    }

    /// Refills ``pdu`` with the request's function code and data (without the RTU CRC), in place.
    private mutating func loadPDU(_ request: UnsafeMutablePointer<UInt8>, length: Int, header: Int) {
        pdu.removeAll(keepingCapacity: true)
        pdu.append(contentsOf: UnsafeBufferPointer(start: request + header, count: length - header - (isRTU ? 2 : 0)))
    }

    /// Function codes a broadcast may carry: the writes that need no answer.
    private static let broadcastable: Set<UInt8> = [5, 6, 15, 16, 22]

    static func parse(_ request: UnsafeMutablePointer<UInt8>, length: Int, header: Int) -> ServedRequest {
        let unit = Int(request[header - 1])
        let function = request[header]
        func word(_ at: Int) -> Int { at + 1 < length ? Int(request[at]) << 8 | Int(request[at + 1]) : 0 }
        let address = word(header + 1)
        let table: ModbusTable?
        var count = word(header + 3)
        switch function {
        case 1, 5, 15: table = .coil
        case 2: table = .discreteInput
        case 3, 6, 16, 22, 23: table = .holdingRegister
        case 4: table = .inputRegister
        default: table = nil
        }
        if function == 5 || function == 6 || function == 22 { count = 1 }
        if function == 23 { count = word(header + 7) }  // the write part
        return ServedRequest(unit: unit, functionCode: function, table: table, address: address, count: count)
    }

    private static func quantityIsValid(_ r: ServedRequest) -> Bool {
        switch r.functionCode {
        case 1, 2: (1...2000).contains(r.count)
        case 3, 4: (1...125).contains(r.count)
        case 15: (1...1968).contains(r.count)
        case 16: (1...123).contains(r.count)
        default: true
        }
    }

    /// The length of the normal RTU reply (unit, function, data, CRC).
    static func replyLength(_ r: ServedRequest) -> Int {
        switch r.functionCode {
        case 1, 2: 5 + (r.count + 7) / 8
        case 3, 4, 23: 5 + 2 * r.count
        case 17: 8
        default: 8
        }
    }

    /// Frames and sends a reply PDU: the request's MBAP header (transaction id) on TCP, unit and CRC on RTU.
    private func sendFrame(context: OpaquePointer, request: UnsafeMutablePointer<UInt8>, unit: Int, pdu: [UInt8]) {
        var frame: [UInt8]
        if isRTU {
            frame = [UInt8(unit)] + pdu
            let crc = RTUFrame.crc16(frame)
            frame += [UInt8(crc & 0xFF), UInt8(crc >> 8)]
        } else {
            let length = pdu.count + 1
            frame = [request[0], request[1], 0, 0, UInt8(length >> 8), UInt8(length & 0xFF), UInt8(unit)] + pdu
        }
        _ = frame.withUnsafeBytes { write(modbus_get_socket(context), $0.baseAddress, $0.count) }
    }

    private func sendCorrupt(
        context: OpaquePointer, request: UnsafeMutablePointer<UInt8>, served: ServedRequest, header: Int
    ) {
        let fd = modbus_get_socket(context)
        var frame: [UInt8]
        if isRTU {
            let length = Self.replyLength(served)
            frame = [UInt8(served.unit), served.functionCode, UInt8(truncatingIfNeeded: max(0, length - 5))]
            frame += [UInt8](repeating: 0xA5, count: max(0, length - 5))
            frame += [0xDE, 0xAD]  // never the right CRC for this content
        } else {
            // Right shape, wrong transaction id: the master's reply check fails.
            let tid = (UInt16(request[0]) << 8 | UInt16(request[1])) &+ 0x5A5A
            frame = [UInt8(tid >> 8), UInt8(tid & 0xFF), 0, 0, 0, 3, UInt8(served.unit), served.functionCode | 0x80, 4]
        }
        _ = frame.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    }
}
