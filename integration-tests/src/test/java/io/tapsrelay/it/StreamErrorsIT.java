package io.tapsrelay.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tapsrelay.frames.ErrorPayload;
import io.tapsrelay.frames.EventRecord;
import io.tapsrelay.frames.FrameType;
import io.tapsrelay.frames.validate.Ulids;
import io.tapsrelay.relay.Relay;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every §3 ERROR a peer can provoke on a stream, sent as raw bytes by a scripted peer against a
 * real relay; each checks the exact code and fatality, and that what was acknowledged before the
 * error is still stored.
 */
class StreamErrorsIT {
    @TempDir
    static Path dir;
    static TestRelay config;
    static Relay relay;
    static RawPeer peer;
    static final AtomicInteger groups = new AtomicInteger();

    @BeforeAll
    static void start() throws Exception {
        peer = new RawPeer("peer-x.test", dir);
        config = new TestRelay("relay-under-test.test", dir)
                .with("credit:\n  window_events: 4\n  window_bytes: 64KiB")
                .with("peers:\n" + peer.peerEntry());
        relay = config.start();
    }

    @AfterAll
    static void stop() {
        relay.close();
        peer.close();
    }

    /** A fresh group per test, so each test has its own (peer, group) stream and origin sequences. */
    private static String newGroup() {
        return "g!errors-" + groups.incrementAndGet();
    }

    /** Opens a stream, completes HELLO, and has one event stored and acknowledged (frame sequence 2). */
    private static RawStream openWithOneAckedEvent(String group) throws Exception {
        RawStream s = peer.open(config, group);
        assertEquals(200, s.status());
        s.write(peer.hello(1, List.of("*")), peer.event(2, group, 1, "first"));
        s.awaitAck(2);
        return s;
    }

    private static void assertFirstEventStillStored(String group) {
        assertTrue(relay.store().get(group, peer.serverId, 1).isPresent(), "acknowledged event is still stored");
    }

    private static void assertFatal(RawStream s, String code) throws Exception {
        ErrorPayload e = s.awaitError(code);
        assertTrue(e.fatal(), code + " is fatal");
        s.awaitEnd();
    }

    @Test
    void aFirstFrameOtherThanHelloIsHelloRequired() throws Exception {
        RawStream s = peer.open(config, newGroup());
        s.write(peer.credit(1, 10, 10_000));
        assertFatal(s, "hello_required");
    }

    @Test
    void aSecondHelloIsAProtocolViolation() throws Exception {
        String g = newGroup();
        RawStream s = openWithOneAckedEvent(g);
        s.write(peer.hello(3, List.of("*")));
        assertFatal(s, "protocol_violation");
        assertFirstEventStillStored(g);
    }

    @Test
    void aMajorVersionOtherThanOneIsUnsupported() throws Exception {
        RawStream s = peer.open(config, newGroup());
        s.write(peer.line(FrameType.HELLO, 1, null, new io.tapsrelay.frames.Hello(peer.serverId, "2.0.0",
                List.of("stream"), List.of("*"), 16384)));
        assertFatal(s, "unsupported_version");
    }

    @Test
    void aGroupOutsideThePeersSupportedGroupsIsNotSupported() throws Exception {
        RawStream s = peer.open(config, newGroup());
        s.write(peer.hello(1, List.of("g!elsewhere-*")));
        assertFatal(s, "group_not_supported");
    }

    @Test
    void aSkippedSequenceIsASequenceViolation() throws Exception {
        String g = newGroup();
        RawStream s = openWithOneAckedEvent(g);
        s.write(peer.event(4, g, 2, "skipped a sequence"));
        assertFatal(s, "sequence_violation");
        assertFirstEventStillStored(g);
    }

    @Test
    void anEventBeyondTheGrantedCreditIsCreditExceeded() throws Exception {
        String g = newGroup();
        RawStream s = peer.open(config, g);
        // The window is 4 events; five in one write arrive in one read cycle, before any credit returns.
        s.write(peer.hello(1, List.of("*")), peer.event(2, g, 1, "a"), peer.event(3, g, 2, "b"),
                peer.event(4, g, 3, "c"), peer.event(5, g, 4, "d"), peer.event(6, g, 5, "e"));
        assertFatal(s, "credit_exceeded");
    }

    @Test
    void aLineThatIsNotJsonIsMalformed() throws Exception {
        String g = newGroup();
        RawStream s = openWithOneAckedEvent(g);
        s.write("this is not json\n".getBytes(StandardCharsets.UTF_8));
        assertFatal(s, "malformed_frame");
        assertFirstEventStillStored(g);
    }

    @Test
    void aLineOverTheMaximumIsFrameTooLarge() throws Exception {
        String g = newGroup();
        RawStream s = openWithOneAckedEvent(g);
        s.write(("{\"type\":\"PING\",\"pad\":\"" + "x".repeat(20_000) + "\"}\n").getBytes(StandardCharsets.UTF_8));
        assertFatal(s, "frame_too_large");
        assertFirstEventStillStored(g);
    }

    @Test
    void anUnknownFrameTypeIsReportedAndTheStreamGoesOn() throws Exception {
        String g = newGroup();
        RawStream s = openWithOneAckedEvent(g);
        s.write(("{\"type\":\"BOGUS\",\"id\":\"" + Ulids.next() + "\",\"origin\":\"" + peer.serverId
                + "\",\"sequence\":3}\n").getBytes(StandardCharsets.UTF_8), peer.event(4, g, 2, "after"));
        ErrorPayload e = s.awaitError("unknown_frame_type");
        assertFalse(e.fatal());
        s.awaitAck(4);
        assertTrue(relay.store().get(g, peer.serverId, 2).isPresent());
    }

    @Test
    void nonFatalEventErrorsCarryTheFrameIdAndTheStreamGoesOn() throws Exception {
        String g = newGroup();
        RawStream s = openWithOneAckedEvent(g);
        EventRecord good = peer.signedRecord(g, Ulids.next(), 2, "two");
        String badContent = new String(good.raw(), StandardCharsets.UTF_8).replace(good.content(), "%%%not-base64");
        String badHash = new String(good.raw(), StandardCharsets.UTF_8).replace(good.contentHash(),
                "sha256:" + "0".repeat(64));
        String badSig = new String(good.raw(), StandardCharsets.UTF_8).replace(good.signature(),
                java.util.Base64.getEncoder().encodeToString(new byte[64]));
        String unknownKey = new String(good.raw(), StandardCharsets.UTF_8).replace(good.keyId(), "ed25519:notpinned");
        byte[][] lines = {
            peer.eventFrame(3, "g!some-other-group", good),
            rawEvent(4, g, badContent),
            rawEvent(5, g, badHash),
            rawEvent(6, g, unknownKey),
            rawEvent(7, g, badSig),
        };
        // The credit window is 4 events: send within it.
        s.write(lines[0], lines[1], lines[2]);
        s.awaitAck(5);
        s.write(lines[3], lines[4]);
        s.awaitAck(7);
        assertEquals(List.of("group_mismatch", "invalid_event", "content_hash_mismatch", "unknown_origin_key",
                "invalid_signature"), errorCodes(s));
        for (var f : s.received) {
            if (f.knownType() == FrameType.ERROR) {
                ErrorPayload e = (ErrorPayload) f.payload();
                assertFalse(e.fatal(), e.code() + " is not fatal");
                assertTrue(e.ref() != null, e.code() + " names the frame");
            }
        }
        assertTrue(relay.store().get(g, peer.serverId, 2).isEmpty(), "no rejected event was stored");
        assertFirstEventStillStored(g);
    }

    @Test
    void aSecondEventForOneOriginSequenceIsEquivocationAndTheFirstStays() throws Exception {
        String g = newGroup();
        RawStream s = openWithOneAckedEvent(g);
        String firstId = relay.store().get(g, peer.serverId, 1).orElseThrow().eventId();
        s.write(peer.event(3, g, 1, "another event claiming sequence 1"));
        ErrorPayload e = s.awaitError("equivocation");
        assertFalse(e.fatal());
        assertEquals(firstId, relay.store().get(g, peer.serverId, 1).orElseThrow().eventId());
        assertEquals(1, relay.store().equivocations(g).size());
    }

    @Test
    void aDuplicateIsAcknowledgedWithoutAnError() throws Exception {
        String g = newGroup();
        RawStream s = peer.open(config, g);
        EventRecord r = peer.signedRecord(g, Ulids.next(), 1, "once");
        s.write(peer.hello(1, List.of("*")), peer.eventFrame(2, g, r), peer.eventFrame(3, g, r));
        s.awaitAck(3);
        assertEquals(0, s.count(FrameType.ERROR));
        assertEquals(1, relay.store().originState(g, peer.serverId).count());
    }

    @Test
    void aSecondStreamForThePeerAndGroupReplacesTheFirst() throws Exception {
        String g = newGroup();
        RawStream first = openWithOneAckedEvent(g);
        RawStream second = peer.open(config, g);
        second.write(peer.hello(1, List.of("*")), peer.event(2, g, 2, "on the new stream"));
        assertFatal(first, "duplicate_stream");
        second.awaitAck(2);
        assertFirstEventStillStored(g);
    }

    @Test
    void aPingIsAnsweredWithAPongNamingIt() throws Exception {
        String g = newGroup();
        RawStream s = openWithOneAckedEvent(g);
        byte[] ping = peer.line(FrameType.PING, 3, null, new io.tapsrelay.frames.Ping());
        String pingId = new com.fasterxml.jackson.databind.ObjectMapper().readTree(ping).get("id").asText();
        s.write(ping);
        s.await("PONG", f -> f.knownType() == FrameType.PONG
                && ((io.tapsrelay.frames.Pong) f.payload()).pingId().equals(pingId));
    }

    private static byte[] rawEvent(long seq, String group, String recordJson) {
        return ("{\"type\":\"EVENT\",\"id\":\"" + Ulids.next() + "\",\"origin\":\"" + peer.serverId + "\",\"sequence\":"
                + seq + ",\"group_id\":\"" + group + "\",\"payload\":" + recordJson + "}\n").getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> errorCodes(RawStream s) {
        return s.received.stream().filter(f -> f.knownType() == FrameType.ERROR)
                .map(f -> ((ErrorPayload) f.payload()).code()).toList();
    }
}
