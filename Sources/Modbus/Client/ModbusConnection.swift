import CModbus
import Glibc

/// One libmodbus context and the link it drives. Not thread-safe, by design: a connection belongs to exactly
/// one OS thread (libmodbus contexts are not thread-safe, and its calls block). ``ModbusClient`` gives a
/// connection its own thread and a request queue; a poll loop that already runs on a dedicated thread may
/// use a connection directly.
///
/// Every error is classified (``ModbusError``); after a timeout or a damaged reply the link is flushed at
/// once and again before the next request, so a late reply can never be taken for the answer to a later one.
/// After a lost link the context is closed and reopened with capped exponential backoff.
public final class ModbusConnection {
    public let endpoint: ModbusEndpoint
    /// Wait after a successful connect before the first request (some devices need it).
    public var delayAfterConnectMilliseconds: Int
    public private(set) var isConnected = false
    public private(set) var backoff: ReconnectBackoff

    private let context: OpaquePointer
    private var activeTimeouts: ModbusTimeouts?
    private var nextAttempt: ContinuousClock.Instant?
    private var flushBeforeNext = false
    private let clock = ContinuousClock()

    public init(
        endpoint: ModbusEndpoint, backoff: ReconnectBackoff = ReconnectBackoff(), delayAfterConnectMilliseconds: Int = 0
    ) throws(ModbusError) {
        self.endpoint = endpoint
        self.backoff = backoff
        self.delayAfterConnectMilliseconds = delayAfterConnectMilliseconds
        let created: OpaquePointer?
        switch endpoint {
        case .tcp(let host, let port):
            created = modbus_new_tcp_pi(host, String(port))
        case .rtu(let path, let line):
            created = modbus_new_rtu(
                path, Int32(line.baud), CChar(bitPattern: line.parity.rawValue.utf8.first!), Int32(line.dataBits),
                Int32(line.stopBits))
        }
        guard let created else {
            throw .invalidRequest("libmodbus rejected the endpoint \(endpoint) (errno \(cmodbus_errno()))")
        }
        context = created
        modbus_set_error_recovery(context, MODBUS_ERROR_RECOVERY_NONE)
    }

    deinit {
        close()
        modbus_free(context)
    }

    /// Opens the link if it is down and a reconnect attempt is due.
    public func connectIfNeeded(timeouts: ModbusTimeouts = .standard) throws(ModbusError) {
        if isConnected { return }
        if let due = nextAttempt, clock.now < due {
            let left = clock.now.duration(to: due).components
            throw .notConnected(retryInMilliseconds: Int(left.seconds * 1000 + left.attoseconds / 1_000_000_000_000_000))
        }
        apply(timeouts)  // the TCP connect timeout is the response timeout
        cmodbus_clear_errno()
        if modbus_connect(context) == -1 {
            let code = cmodbus_errno()
            scheduleReconnect()
            throw .connectFailed(errno: code, detail: endpoint.description)
        }
        if case .rtu(let path, _) = endpoint {
            let fd = modbus_get_socket(context)
            if cmodbus_lock_port(fd) != 0 {
                modbus_close(context)
                scheduleReconnect()
                throw .portBusy(path: path)
            }
            _ = cmodbus_set_exclusive(fd)
        }
        isConnected = true
        backoff.succeeded()
        nextAttempt = nil
        flushBeforeNext = false
        if delayAfterConnectMilliseconds > 0 { usleep(UInt32(delayAfterConnectMilliseconds) * 1000) }
    }

    /// Closes the link; the next request reconnects.
    public func close() {
        if isConnected { modbus_close(context) }
        isConnected = false
        activeTimeouts = nil
    }

    /// Performs one transaction with the device at `unit`.
    ///
    /// On RTU, unit 0 is a broadcast: every device applies the write and none answers, so the request is
    /// sent without waiting and ``ModbusResponse/written`` only means it went out. Only writes may be
    /// broadcast.
    public func perform(
        _ request: ModbusRequest, unit: Int, timeouts: ModbusTimeouts = .standard
    ) throws(ModbusError) -> ModbusResponse {
        try request.validate()
        try validate(unit: unit)
        try validate(request, unit: unit)
        try connectIfNeeded(timeouts: timeouts)
        apply(timeouts)
        if flushBeforeNext {
            modbus_flush(context)
            flushBeforeNext = false
        }
        modbus_set_slave(context, Int32(unit))
        cmodbus_clear_errno()
        let result = isBroadcast(unit) ? broadcast(request) : execute(request, unit: unit)
        switch result {
        case .success(let response):
            return response
        case .failure(let error):
            recover(from: error)
            throw error
        }
    }

    private func validate(unit: Int) throws(ModbusError) {
        switch endpoint {
        case .tcp: guard (0...247).contains(unit) || unit == 255 else { throw .invalidRequest("TCP unit id must be 0–247 or 255, got \(unit)") }
        case .rtu: guard (0...247).contains(unit) else { throw .invalidRequest("RTU unit id must be 0–247, got \(unit)") }
        }
    }

    private func validate(_ request: ModbusRequest, unit: Int) throws(ModbusError) {
        guard isBroadcast(unit), request.writePDU == nil else { return }
        throw .invalidRequest("unit 0 is a broadcast, which no device answers: only a write can be sent to it")
    }

    /// Unit 0 on a serial line (on TCP it is an ordinary unit id that gateways answer).
    private func isBroadcast(_ unit: Int) -> Bool { unit == 0 && endpointIsRTU }

    /// Sends a write to every device at once; libmodbus 3.1.6 would wait for an answer that never comes.
    private func broadcast(_ request: ModbusRequest) -> Result<ModbusResponse, ModbusError> {
        guard let pdu = request.writePDU else { return .failure(.invalidRequest("only a write can be broadcast")) }
        let frame = [UInt8(0)] + pdu
        guard modbus_send_raw_request(context, frame, Int32(frame.count)) != -1 else {
            return failure(activeTimeouts?.responseMilliseconds ?? 500)
        }
        return .success(.written)
    }

    private func apply(_ timeouts: ModbusTimeouts) {
        guard activeTimeouts != timeouts else { return }
        let response = timeouts.responseMilliseconds
        modbus_set_response_timeout(context, UInt32(response / 1000), UInt32(response % 1000) * 1000)
        let byte = timeouts.byteMilliseconds
        modbus_set_byte_timeout(context, UInt32(byte / 1000), UInt32(byte % 1000) * 1000)
        activeTimeouts = timeouts
    }

    private func scheduleReconnect() {
        let wait = backoff.failed()
        nextAttempt = clock.now.advanced(by: .milliseconds(wait))
    }

    /// After a timeout or a damaged reply a TCP link is reopened rather than flushed: a late reply can
    /// arrive after any flush and would then answer the next request (a transaction-id desync that never
    /// recovers). A serial line is flushed now and again before the next request. A link that was up and
    /// broke is reopened at once; only failed connects back off.
    private func recover(from error: ModbusError) {
        switch error.recovery {
        case .retryWithBackoff, .flushAndRetryOnce:
            if endpointIsRTU {
                modbus_flush(context)
                flushBeforeNext = true
            } else {
                close()
            }
        case .reconnect:
            close()
        case .doNotRetry:
            break
        }
    }

    private func failure(_ timeoutMs: Int) -> Result<ModbusResponse, ModbusError> {
        .failure(ModbusError.classify(errno: cmodbus_errno(), timeoutMilliseconds: timeoutMs))
    }

    private func execute(_ request: ModbusRequest, unit: Int) -> Result<ModbusResponse, ModbusError> {
        let timeoutMs = activeTimeouts?.responseMilliseconds ?? 500
        switch request {
        case .readBits(let table, let address, let count):
            var bits = [UInt8](repeating: 0, count: count)
            let rc =
                table == .coil
                ? modbus_read_bits(context, Int32(address), Int32(count), &bits)
                : modbus_read_input_bits(context, Int32(address), Int32(count), &bits)
            return rc == count ? .success(.bits(bits.map { $0 != 0 })) : failure(timeoutMs)
        case .readRegisters(let table, let address, let count):
            var registers = [UInt16](repeating: 0, count: count)
            let rc =
                table == .holdingRegister
                ? modbus_read_registers(context, Int32(address), Int32(count), &registers)
                : modbus_read_input_registers(context, Int32(address), Int32(count), &registers)
            return rc == count ? .success(.registers(registers)) : failure(timeoutMs)
        case .writeCoil(let address, let value):
            return modbus_write_bit(context, Int32(address), value ? 1 : 0) == 1 ? .success(.written) : failure(timeoutMs)
        case .writeCoils(let address, let values):
            let bytes = values.map { UInt8($0 ? 1 : 0) }
            let rc = modbus_write_bits(context, Int32(address), Int32(bytes.count), bytes)
            return rc == bytes.count ? .success(.written) : failure(timeoutMs)
        case .writeRegister(let address, let value):
            return modbus_write_register(context, Int32(address), value) == 1 ? .success(.written) : failure(timeoutMs)
        case .writeRegisters(let address, let values):
            let rc = modbus_write_registers(context, Int32(address), Int32(values.count), values)
            return rc == values.count ? .success(.written) : failure(timeoutMs)
        case .raw(let pdu):
            return raw([UInt8(truncatingIfNeeded: unit)] + pdu, timeoutMs: timeoutMs)
        case .reportServerID:
            var buffer = [UInt8](repeating: 0, count: Int(MODBUS_MAX_PDU_LENGTH))
            let rc = modbus_report_slave_id(context, Int32(buffer.count), &buffer)
            return rc >= 0 ? .success(.raw(Array(buffer.prefix(Int(rc))))) : failure(timeoutMs)
        }
    }

    private func raw(_ request: [UInt8], timeoutMs: Int) -> Result<ModbusResponse, ModbusError> {
        guard modbus_send_raw_request(context, request, Int32(request.count)) != -1 else { return failure(timeoutMs) }
        var reply = [UInt8](repeating: 0, count: Int(MODBUS_TCP_MAX_ADU_LENGTH))
        let rc = modbus_receive_confirmation(context, &reply)
        guard rc > 0 else { return failure(timeoutMs) }
        let header = Int(modbus_get_header_length(context))
        let checksum = endpointIsRTU ? 2 : 0
        let pdu = Array(reply[header..<max(header, Int(rc) - checksum)])
        if let function = pdu.first, function & 0x80 != 0 {
            let code = pdu.count > 1 ? pdu[1] : 0
            guard let exception = ModbusException(rawValue: code) else { return .failure(.lineNoise(.badException)) }
            return .failure(.deviceRefused(exception))
        }
        return .success(.raw(pdu))
    }

    private var endpointIsRTU: Bool {
        if case .rtu = endpoint { true } else { false }
    }
}
