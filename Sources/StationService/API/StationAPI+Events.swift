import CustodyCore
import Foundation
import Hummingbird
import NIOCore

/// `GET /v1/events`: the server-sent-events stream of alerts, effects, commands and devices.
///
/// Each event is `event: NAME` and one `data:` line of JSON; a comment line keeps idle connections open
/// (every 15 s by default). The technician role gets device events only.
extension StationAPI {
    func events(_ context: APIRequestContext) throws -> Response {
        let personal = context.allows(.readPeople)
        if !personal { try context.require(.devices) }
        let hub = dependencies.hub
        let keepAlive = keepAlive
        let body = ResponseBody { writer in
            let subscription = hub.subscribe()
            defer { subscription.cancel() }
            let (frames, sink) = AsyncStream<String>.makeStream()
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    for await event in subscription where personal || !event.concernsPerson {
                        sink.yield(Self.frame(event))
                    }
                    sink.finish()
                }
                group.addTask {
                    while true {
                        try await Task.sleep(for: keepAlive)
                        sink.yield(": keep-alive\n\n")
                    }
                }
                try await writer.write(ByteBuffer(string: ": custodyd events\n\n"))
                for await frame in frames {
                    try await writer.write(ByteBuffer(string: frame))
                }
                group.cancelAll()
            }
            try await writer.finish(nil)
        }
        return Response(
            status: .ok,
            headers: [.contentType: "text/event-stream", .cacheControl: "no-cache"],
            body: body)
    }

    /// One event in the SSE wire format.
    static func frame(_ event: StationEvent) -> String {
        let name: String
        let data: Data
        switch event {
        case .alert(let change, let alert):
            name = "alert"
            data = encode(AlertEvent(change: change, alert: AlertView(alert)))
        case .effect(let effect):
            name = "effect"
            data = encode(effect)
        case .command(let record):
            name = "command"
            data = encode(record)
        case .device(let device):
            name = "device"
            data = encode(device)
        case .lagged(let dropped):
            name = "lagged"
            data = encode(["dropped": dropped])
        }
        return "event: \(name)\ndata: \(String(decoding: data, as: UTF8.self))\n\n"
    }

    struct AlertEvent: Encodable {
        var change: StationEvent.AlertChange
        var alert: AlertView
    }
}
