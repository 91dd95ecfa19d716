import Foundation
import Testing

/// The peer harness itself: a missing peer must fail the test with the fix in the message, and a peer
/// that never says ready must not hang the suite.
@Suite("Peer harness")
struct PeerSupportTests {
    @Test func aMissingToolFailsWithTheSetupHint() {
        let error = #expect(throws: PeerFailure.self) {
            try Peers.tool("custodyd-no-such-peer", package: "custodyd-no-such-package")
        }
        #expect(error?.description.contains("run scripts/setup") == true)
        #expect(error?.description.contains("custodyd-no-such-package") == true)
    }

    @Test func aPeerThatExitsWithoutSayingReadyFailsWithItsOutput() throws {
        let shell = try Peers.tool("sh", package: "dash")
        let peer = try PeerProcess("silent peer", executable: shell, arguments: ["-c", "echo starting; echo broken >&2; exit 3"])
        defer { peer.terminate() }
        let error = #expect(throws: PeerFailure.self) { try peer.awaitReady(timeout: .seconds(5)) }
        #expect(error?.description.contains("never said ready") == true)
        #expect(error?.description.contains("starting") == true)
    }

    @Test func aPeerThatHangsIsStoppedAfterItsTimeout() throws {
        let shell = try Peers.tool("sh", package: "dash")
        let clock = ContinuousClock()
        let started = clock.now
        let error = #expect(throws: PeerFailure.self) {
            try PeerProcess.run("hanging peer", executable: shell, arguments: ["-c", "exec sleep 30"], timeout: .milliseconds(300))
        }
        #expect(error?.description.contains("did not finish") == true)
        #expect(clock.now - started < .seconds(10))
    }
}
